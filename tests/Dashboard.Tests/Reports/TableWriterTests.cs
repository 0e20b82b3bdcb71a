using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ops.Dashboard.Spreadsheets;
using TableColumn = Ops.Dashboard.Spreadsheets.TableColumn;

namespace Ops.Dashboard.Tests.Reports;

public sealed class TableWriterTests
{
    private static readonly TableColumn[] Columns = [new("date", 12), new("kind", 12), new("count", 8, true), new("seconds", 8, true)];

    private static readonly IReadOnlyList<object?>[] Rows =
    [
        ["2026-11-23", "door-held", 3, 12.5],
        ["2026-11-30", "=cmd", 10L, null],
    ];

    [Fact]
    public void A_csv_table_writes_numbers_with_a_decimal_point_and_protects_formulas()
    {
        var text = Encoding.UTF8.GetString(TableWriter.WriteCsv(Columns, Rows)[3..]);

        Assert.Equal(["date,kind,count,seconds", "2026-11-23,door-held,3,12.5", "2026-11-30,'=cmd,10,", ""], text.Split("\r\n"));
    }

    [Fact]
    public void An_xlsx_table_has_numbers_as_numbers_and_text_as_text()
    {
        using var stream = new MemoryStream(TableWriter.WriteXlsx("situations", Columns, Rows));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("situations", workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(cell => cell.CellReference!.Value!);

        Assert.Equal("count", cells["C1"].InnerText);
        Assert.Equal(CellValues.Number, cells["C2"].DataType!.Value);
        Assert.Equal("3", cells["C2"].CellValue!.Text);
        Assert.Equal("12.5", cells["D2"].CellValue!.Text);
        Assert.Equal(CellValues.InlineString, cells["B3"].DataType!.Value);
        Assert.Equal("=cmd", cells["B3"].InnerText);
        Assert.Null(cells["B3"].CellFormula);
        Assert.False(cells.ContainsKey("D3"));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    public void Columns_are_named_as_spreadsheets_name_them(int column, string name) =>
        Assert.Equal(name, TableWriter.ColumnName(column));
}
