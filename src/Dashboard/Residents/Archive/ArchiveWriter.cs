using ClosedXML.Excel;
using CsvHelper;
using Ops.Contracts.Residents;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Writes residents as an archive file that <see cref="ArchiveReader"/> reads back unchanged:
/// the header row, then one row per resident in the order given.</summary>
public static class ArchiveWriter
{
    private static readonly double[] ColumnWidths = [16, 14, 12, 9, 16, 12, 22, 22, 18, 40, 8];

    /// <summary>UTF-8 with a byte order mark, so that spreadsheets open Chinese names correctly; cells a
    /// spreadsheet would run as a formula are protected (<see cref="SpreadsheetFormulas"/>).</summary>
    public static byte[] WriteCsv(IEnumerable<Resident> residents)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = true }, leaveOpen: true))
        {
            writer.WriteHeader([.. ArchiveColumns.All]);
            foreach (var row in Rows(residents))
                writer.WriteRecord([.. row.Cells.Select(SpreadsheetFormulas.Protect)]);
        }
        return output.ToArray();
    }

    /// <summary>One sheet, <c>residents</c>, every cell text: phones, cards and ids keep their leading zeros
    /// and digits, and nothing is a formula.</summary>
    public static byte[] WriteXlsx(IEnumerable<Resident> residents)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("residents");
        sheet.Columns(1, ArchiveColumns.All.Count).Style.NumberFormat.Format = "@";
        for (var column = 0; column < ArchiveColumns.All.Count; column++)
        {
            sheet.Cell(1, column + 1).SetValue(ArchiveColumns.All[column]);
            sheet.Column(column + 1).Width = ColumnWidths[column];
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        foreach (var row in Rows(residents))
        {
            for (var column = 0; column < row.Cells.Count; column++)
            {
                if (row.Cells[column].Length > 0)
                    sheet.Cell(row.Row, column + 1).SetValue(row.Cells[column]);
            }
        }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static IEnumerable<ArchiveRow> Rows(IEnumerable<Resident> residents) =>
        residents.Select((resident, index) => ArchiveRow.Of(index + 2, resident));
}
