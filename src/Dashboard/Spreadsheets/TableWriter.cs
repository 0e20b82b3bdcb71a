using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Spreadsheets;

/// <summary>Writes a table (a header row, then rows of cells) as CSV or as a one-sheet .xlsx workbook: the
/// resident archive and the reports. A cell is text (a string) or a number (an integer or a double); null is
/// an empty cell.</summary>
public static class TableWriter
{
    /// <summary>UTF-8 with a byte order mark, so that spreadsheets open Chinese names correctly; text cells a
    /// spreadsheet would run as a formula are protected (<see cref="SpreadsheetFormulas"/>), numbers are
    /// written with a decimal point whatever the culture.</summary>
    public static byte[] WriteCsv(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, CsvOptions, leaveOpen: true))
        {
            writer.WriteHeader(Header(columns));
            foreach (var row in rows)
                writer.WriteRecord(CsvCells(row));
        }
        return output.ToArray();
    }

    /// <summary>The same file as <see cref="WriteCsv"/>, written to the stream as the rows come (an HTTP response:
    /// the first rows leave before the last are read, and the file is never whole in memory).</summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<TableColumn> columns,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        writer.WriteHeader(Header(columns));
        await foreach (var row in rows.WithCancellation(cancellationToken))
            await writer.WriteRecordAsync(CsvCells(row), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { WriteByteOrderMark = true };

    private static string[] Header(IReadOnlyList<TableColumn> columns) => [.. columns.Select(column => column.Name)];

    private static string[] CsvCells(IReadOnlyList<object?> row)
    {
        var cells = new string[row.Count];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = CsvCell(row[i]);
        return cells;
    }

    /// <summary>One sheet, the header bold and frozen. Text cells are inline text in the text format, so
    /// phones, cards and ids keep their leading zeros and nothing is a formula; numbers are numbers, so a
    /// spreadsheet sums them. The sheet is written as a stream of rows, so writing takes little more memory
    /// than the file. A text holds what <see cref="XlsxCellText"/> lets a spreadsheet open: a value too long
    /// is cut, and the row is still there.</summary>
    public static byte[] WriteXlsx(string sheetName, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
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
                var widths = new Columns();
                for (var column = 0; column < columns.Count; column++)
                {
                    var index = (uint)column + 1;
                    var width = new Column { Min = index, Max = index, Width = columns[column].Width, CustomWidth = true };
                    if (!columns[column].Numeric)
                        width.Style = TextStyle;
                    widths.Append(width);
                }
                writer.WriteElement(widths);
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, columns, [.. columns.Select(column => column.Name)], HeaderStyle);
                var number = 1;
                foreach (var row in rows)
                    WriteRow(writer, ++number, columns, row, TextStyle);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }
        return output.ToArray();
    }

    /// <summary>The column's letters in a cell reference: A..Z, AA..</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var rest = column + 1; rest > 0; rest = (rest - 1) / 26)
            name = (char)('A' + (rest - 1) % 26) + name;
        return name;
    }

    private const uint TextStyle = 1;
    private const uint HeaderStyle = 2;

    private static void WriteRow(OpenXmlWriter writer, int number, IReadOnlyList<TableColumn> columns, IReadOnlyList<object?> row, uint textStyle)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var column = 0; column < row.Count && column < columns.Count; column++)
        {
            var reference = $"{ColumnName(column)}{number}";
            if (Number(row[column]) is { } value)
            {
                writer.WriteElement(new Cell(new CellValue(value)) { CellReference = reference, DataType = CellValues.Number });
                continue;
            }
            var text = XlsxCellText.Fit(columns[column].Name, row[column] as string ?? "");
            if (text.Length == 0)
                continue;
            writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = textStyle,
            });
        }
        writer.WriteEndElement();
    }

    private static double? Number(object? cell) => cell switch
    {
        int value => value,
        long value => value,
        double value => value,
        _ => null,
    };

    private static string CsvCell(object? cell) => Number(cell) is { } value
        ? value.ToString(CultureInfo.InvariantCulture)
        : SpreadsheetFormulas.Protect(cell as string ?? "");

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
}
