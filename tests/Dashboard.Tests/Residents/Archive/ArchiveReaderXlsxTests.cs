using ClosedXML.Excel;
using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Tests.Residents.Archive;

public sealed class ArchiveReaderXlsxTests
{
    [Fact]
    public void Typed_cells_are_read_the_way_the_archive_spells_them()
    {
        var bytes = Workbook(sheet =>
        {
            Header(sheet);
            sheet.Cell(2, 1).Value = "r-1";
            sheet.Cell(2, 2).Value = "王秀英";
            sheet.Cell(2, 3).Value = "3-2-1201";
            sheet.Cell(2, 4).Value = 3;
            sheet.Cell(2, 5).Value = 13800138000d;
            sheet.Cell(2, 6).Value = new DateTime(1946, 3, 4);
            sheet.Cell(2, 11).Value = false;
        });

        var resident = Assert.Single(ArchiveReader.ReadXlsx(bytes)).Read().Resident;

        Assert.NotNull(resident);
        Assert.Equal("王秀英", resident.Name);
        Assert.Equal("3", resident.Building);
        Assert.Equal("13800138000", resident.Phone);
        Assert.Equal("1946-03-04", resident.Birthday);
        Assert.False(resident.Active);
    }

    [Fact]
    public void Rows_are_numbered_as_the_sheet_numbers_them_and_blank_rows_are_passed_over()
    {
        var bytes = Workbook(sheet =>
        {
            Header(sheet);
            sheet.Cell(2, 1).SetValue("r-1");
            sheet.Cell(5, 1).SetValue("r-2");
        });

        Assert.Equal([2, 5], ArchiveReader.ReadXlsx(bytes).Select(row => row.Row));
    }

    [Fact]
    public void Only_the_first_sheet_is_read()
    {
        var bytes = Workbook(sheet =>
        {
            Header(sheet);
            sheet.Cell(2, 1).SetValue("r-1");
            var other = sheet.Workbook.Worksheets.Add("other");
            other.Cell(1, 1).SetValue("anything");
        });

        Assert.Equal("r-1", Assert.Single(ArchiveReader.ReadXlsx(bytes)).Read().Resident?.ResidentId);
    }

    [Fact]
    public void A_sheet_without_a_column_is_refused_naming_it()
    {
        var bytes = Workbook(sheet =>
        {
            Header(sheet);
            sheet.Cell(1, 9).SetValue("");
        });

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bytes));

        Assert.Equal("header", refused.Field);
        Assert.Contains("lacks the column plates", refused.Message);
    }

    [Fact]
    public void A_value_outside_the_named_columns_makes_the_row_a_problem()
    {
        var bytes = Workbook(sheet =>
        {
            Header(sheet);
            sheet.Cell(2, 1).SetValue("r-1");
            sheet.Cell(2, 13).SetValue("stray");
        });

        Assert.Contains("column 13", Assert.Single(ArchiveReader.ReadXlsx(bytes)).Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0x72, 0x2D, 0x31 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 })]
    public void A_file_that_is_not_a_workbook_is_refused(byte[] bytes)
    {
        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bytes));

        Assert.Equal("file", refused.Field);
    }

    private static void Header(IXLWorksheet sheet)
    {
        var columns = Archives.Header.Split(',');
        for (var i = 0; i < columns.Length; i++)
            sheet.Cell(1, i + 1).SetValue(columns[i]);
    }

    private static byte[] Workbook(Action<IXLWorksheet> fill)
    {
        using var workbook = new XLWorkbook();
        fill(workbook.Worksheets.Add("residents"));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
