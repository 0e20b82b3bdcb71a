using Ops.Contracts.Residents;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>One data row of an archive file: its number in the file (the header is row 1) and its cells
/// in the order of <see cref="ArchiveColumns.All"/>, or, when the line could not be read as a row, why.</summary>
public sealed record ArchiveRow(int Row, IReadOnlyList<string> Cells, string? Problem = null)
{
    public static ArchiveRow Unreadable(int row, string problem) => new(row, [], problem);

    public string this[string column] => Cells[ArchiveColumns.IndexOf(column)];

    /// <summary>The row that describes a stored resident, as export writes it.</summary>
    public static ArchiveRow Of(int row, Resident resident) => new(row,
    [
        resident.ResidentId,
        resident.Name,
        resident.Unit,
        resident.Building ?? "",
        resident.Phone ?? "",
        resident.Birthday ?? "",
        Join(resident.Care),
        Join(resident.Cards),
        Join(resident.Plates),
        resident.Notes ?? "",
        resident.Active ? "true" : "false",
    ]);

    /// <summary>The resident the row describes, not yet validated (that is <see cref="ResidentRules"/>' job),
    /// or why the row describes none. Cells are trimmed, except notes; empty optional cells are absent.</summary>
    public (Resident? Resident, string? Problem) Read()
    {
        if (Problem is not null)
            return (null, Problem);
        var active = this[ArchiveColumns.Active].Trim();
        if (active.Length > 0 && !bool.TryParse(active, out _))
            return (null, "active: must be true or false");
        return (new Resident
        {
            ResidentId = this[ArchiveColumns.ResidentId].Trim(),
            Name = this[ArchiveColumns.Name].Trim(),
            Unit = this[ArchiveColumns.Unit].Trim(),
            Building = Optional(this[ArchiveColumns.Building].Trim()),
            Phone = Optional(this[ArchiveColumns.Phone].Trim()),
            Birthday = Optional(this[ArchiveColumns.Birthday].Trim()),
            Care = Split(this[ArchiveColumns.Care]),
            Cards = Split(this[ArchiveColumns.Cards]),
            Plates = Split(this[ArchiveColumns.Plates]),
            Notes = Optional(this[ArchiveColumns.Notes]),
            Active = active.Length == 0 || bool.Parse(active),
        }, null);
    }

    private static string Join(IReadOnlyList<string>? values) => string.Join(ArchiveColumns.ListSeparator, values ?? []);

    private static string[] Split(string cell) =>
        cell.Split(ArchiveColumns.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Optional(string cell) => string.IsNullOrWhiteSpace(cell) ? null : cell;
}
