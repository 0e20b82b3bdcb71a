using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ops.Tests.Shared;

/// <summary>Builds the .xlsx workbooks the tests read, the way spreadsheets write them: text as shared
/// strings, numbers, dates (a number with a date format) and booleans as typed cells; and reads the
/// workbooks the hub writes.</summary>
internal sealed class TestWorkbook
{
    private readonly List<(string Name, SortedDictionary<int, SortedDictionary<int, Cell>> Rows)> sheets = [];
    private readonly List<string> strings = [];

    public TestWorkbook(string sheetName = "residents") => Sheet(sheetName);

    /// <summary>Adds a sheet; the cells set after go there.</summary>
    public TestWorkbook Sheet(string name)
    {
        sheets.Add((name, []));
        return this;
    }


    /// <summary>Text cells from column 1 on; empty texts leave their cell out.</summary>
    public TestWorkbook Row(int row, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length > 0)
                Text(row, i + 1, cells[i]);
        }
        return this;
    }

    public TestWorkbook Text(int row, int column, string text)
    {
        strings.Add(text);
        return Set(row, column, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.Count - 1) });
    }

    public TestWorkbook Number(int row, int column, double value) => Set(row, column, new Cell { CellValue = new CellValue(value) });

    public TestWorkbook Date(int row, int column, DateTime value) =>
        Set(row, column, new Cell { CellValue = new CellValue(value.ToOADate()), StyleIndex = 1 });

    public TestWorkbook Boolean(int row, int column, bool value) =>
        Set(row, column, new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") });

    private TestWorkbook Set(int row, int column, Cell cell)
    {
        var rows = sheets[^1].Rows;
        if (!rows.TryGetValue(row, out var cells))
            rows[row] = cells = [];
        cell.CellReference = $"{(char)('A' + (column - 1) % 26)}{row}";
        if (column > 26)
            cell.CellReference = $"{(char)('A' + (column - 1) / 26 - 1)}{cell.CellReference}";
        cells[column] = cell;
        return this;
    }

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(strings.Select(text => new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var list = new Sheets();
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(rows.Select(row =>
                    new Row(row.Value.Values.Select(cell => (Cell)cell.CloneNode(true))) { RowIndex = (uint)row.Key })));
                list.Append(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
            }
            workbookPart.Workbook = new Workbook(list);
        }
        return output.ToArray();
    }

    /// <summary>The rows of a workbook's first sheet, each cell as its text (a number as written, an empty
    /// or missing cell as ""), from column A up to the row's last cell.</summary>
    public static List<string[]> Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToList() ?? [];
        var first = workbookPart.Workbook.Descendants<Sheet>().First();
        var sheet = (WorksheetPart)workbookPart.GetPartById(first.Id!.Value!);
        var rows = new List<string[]>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var cells = new SortedDictionary<int, string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var letters = new string([.. cell.CellReference!.Value!.TakeWhile(char.IsLetter)]);
                var column = letters.Aggregate(0, (sum, letter) => sum * 26 + letter - 'A' + 1) - 1;
                cells[column] = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.CellValue?.Text ?? "";
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add([.. Enumerable.Range(0, width).Select(column => cells.GetValueOrDefault(column, ""))]);
        }
        return rows;
    }
}
