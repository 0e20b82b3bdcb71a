using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>The header row of an archive file: where each column is. Columns may come in any order and
/// their names are matched ignoring case and surrounding spaces; every column must be there once, and
/// none other (a header cell left empty names no column).</summary>
public sealed class ArchiveHeader
{
    private readonly int[] positions;

    private ArchiveHeader(int[] positions, int width)
    {
        this.positions = positions;
        Width = width;
    }

    /// <summary>How many cells the header row has.</summary>
    public int Width { get; }

    /// <exception cref="ArchiveFormatException">The header lacks a column, repeats one or names an unknown one.</exception>
    public static ArchiveHeader Parse(IReadOnlyList<string> names)
    {
        if (names.Count > ArchiveLimits.MaxColumns)
            throw new ArchiveFormatException("header", $"has {names.Count} columns, more than {ArchiveLimits.MaxColumns}");
        if (names.All(string.IsNullOrWhiteSpace))
            throw new ArchiveFormatException("header", $"row is missing: the first row must name the columns {string.Join(",", ArchiveColumns.All)}");
        var positions = Enumerable.Repeat(-1, ArchiveColumns.All.Count).ToArray();
        var problems = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (name.Length == 0)
                continue;
            var column = ArchiveColumns.All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
                problems.Add($"has an unknown column {TextRules.Quote(name)}");
            else if (positions[ArchiveColumns.IndexOf(column)] >= 0)
                problems.Add($"names the column '{column}' twice");
            else
                positions[ArchiveColumns.IndexOf(column)] = i;
        }
        var missing = ArchiveColumns.All.Where((_, index) => positions[index] < 0).ToList();
        if (missing.Count > 0)
            problems.Insert(0, $"lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
        if (problems.Count > 0)
            throw new ArchiveFormatException("header", problems);
        return new ArchiveHeader(positions, names.Count);
    }

    /// <summary>The row from the cells of one line of the file, in the order of <see cref="ArchiveColumns.All"/>,
    /// or a row with a problem when the cells do not fit the header.</summary>
    public ArchiveRow Arrange(int row, IReadOnlyList<string> cells)
    {
        if (cells.Count < Width)
            return ArchiveRow.Unreadable(row, $"has {cells.Count} cells where the header has {Width}");
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Trim().Length > 0 && !positions.Contains(i))
                return ArchiveRow.Unreadable(row, $"has a value in column {i + 1}, which the header does not name");
        }
        for (var column = 0; column < positions.Length; column++)
        {
            var cell = cells[positions[column]];
            if (cell.Length > ArchiveLimits.MaxCellLength)
                return ArchiveRow.Unreadable(row, $"{ArchiveColumns.All[column]}: has more than {ArchiveLimits.MaxCellLength} characters ({TextRules.Quote(cell)})");
        }
        return new ArchiveRow(row, [.. positions.Select(position => cells[position])]);
    }
}
