using Ops.Contracts.Residents;
using Ops.Dashboard.Spreadsheets;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Writes residents as an archive file that <see cref="ArchiveReader"/> reads back unchanged:
/// the header row, then one row per resident in the order given, every cell text.</summary>
public static class ArchiveWriter
{
    private static readonly double[] ColumnWidths = [16, 14, 12, 9, 16, 12, 22, 22, 18, 40, 8];

    private static readonly TableColumn[] Columns =
        [.. ArchiveColumns.All.Select((name, column) => new TableColumn(name, ColumnWidths[column]))];

    /// <summary>UTF-8 with a byte order mark; cells a spreadsheet would run as a formula are protected.</summary>
    public static byte[] WriteCsv(IEnumerable<Resident> residents) => TableWriter.WriteCsv(Columns, Rows(residents));

    /// <summary>The file <see cref="WriteCsv"/> writes, written to the stream as the residents arrive.</summary>
    public static Task WriteCsvAsync(Stream output, IAsyncEnumerable<Resident> residents, CancellationToken cancellationToken) =>
        TableWriter.WriteCsvAsync(output, Columns, Rows(residents), cancellationToken);

    /// <summary>One sheet, <c>residents</c>, every cell text: phones, cards and ids keep their leading zeros
    /// and digits, and nothing is a formula (<see cref="TableWriter.WriteXlsx"/>).</summary>
    public static byte[] WriteXlsx(IEnumerable<Resident> residents) => TableWriter.WriteXlsx("residents", Columns, Rows(residents));

    private static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<Resident> residents) =>
        residents.Select(Cells);

    private static IAsyncEnumerable<IReadOnlyList<object?>> Rows(IAsyncEnumerable<Resident> residents) =>
        residents.Select(Cells);

    /// <summary>The cells of the resident's row; the header is row 1, the first resident (index 0) row 2.</summary>
    private static IReadOnlyList<object?> Cells(Resident resident, int index) => ArchiveRow.Of(index + 2, resident).Cells;
}
