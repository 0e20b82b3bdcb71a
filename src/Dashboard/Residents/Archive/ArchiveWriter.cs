using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
    /// and digits, and nothing is a formula. The sheet is written as a stream of rows with inline text, so
    /// writing takes little more memory than the file. A cell holds what <see cref="XlsxCellText"/> lets a
    /// spreadsheet open: a value too long is cut, and the row is still there.</summary>
    public static byte[] WriteXlsx(IEnumerable<Resident> residents)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0 }));
                var columns = new Columns();
                for (var column = 0; column < ArchiveColumns.All.Count; column++)
                {
                    var index = (uint)column + 1;
                    columns.Append(new Column { Min = index, Max = index, Width = ColumnWidths[column], CustomWidth = true, Style = TextStyle });
                }
                writer.WriteElement(columns);
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, new ArchiveRow(1, ArchiveColumns.All), HeaderStyle);
                foreach (var row in Rows(residents))
                    WriteRow(writer, row, TextStyle);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "residents", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }
        return output.ToArray();
    }

    private const uint TextStyle = 1;
    private const uint HeaderStyle = 2;

    private static void WriteRow(OpenXmlWriter writer, ArchiveRow row, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)row.Row });
        for (var column = 0; column < row.Cells.Count; column++)
        {
            var text = XlsxCellText.Fit(ArchiveColumns.All[column], row.Cells[column]);
            if (text.Length == 0)
                continue;
            writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = $"{(char)('A' + column)}{row.Row}",
                DataType = CellValues.InlineString,
                StyleIndex = style,
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>Styles: 0 the default, 1 text (<c>@</c>), 2 bold text for the header.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = TextFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = TextFormat, ApplyNumberFormat = true, FontId = 1, ApplyFont = true }));

    /// <summary>The built-in number format <c>@</c>: text.</summary>
    private const uint TextFormat = 49;

    private static IEnumerable<ArchiveRow> Rows(IEnumerable<Resident> residents) =>
        residents.Select((resident, index) => ArchiveRow.Of(index + 2, resident));
}
