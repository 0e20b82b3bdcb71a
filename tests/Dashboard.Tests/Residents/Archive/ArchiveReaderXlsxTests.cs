using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Tests.Residents.Archive;

public sealed class ArchiveReaderXlsxTests
{
    [Fact]
    public void Typed_cells_are_read_the_way_the_archive_spells_them()
    {
        var bytes = new TestWorkbook().Header()
            .Row(2, "r-1", "王秀英", "3-2-1201")
            .Number(2, 4, 3)
            .Number(2, 5, 13800138000d)
            .Date(2, 6, new DateTime(1946, 3, 4))
            .Boolean(2, 11, false)
            .ToBytes();

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
        var bytes = new TestWorkbook().Header().Row(2, "r-1").Row(5, "r-2").ToBytes();

        Assert.Equal([2, 5], ArchiveReader.ReadXlsx(bytes).Select(row => row.Row));
    }

    [Fact]
    public void Only_the_first_sheet_is_read()
    {
        var bytes = new TestWorkbook().Header().Row(2, "r-1").Sheet("other").Row(1, "anything").ToBytes();

        Assert.Equal("r-1", Assert.Single(ArchiveReader.ReadXlsx(bytes)).Read().Resident?.ResidentId);
    }

    [Fact]
    public void A_sheet_without_a_column_is_refused_naming_it()
    {
        var bytes = new TestWorkbook().Header(Archives.Header.Replace("plates", "")).ToBytes();

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bytes));

        Assert.Equal("header", refused.Field);
        Assert.Contains("lacks the column plates", refused.Message);
    }

    [Fact]
    public void A_value_outside_the_named_columns_makes_the_row_a_problem()
    {
        var bytes = new TestWorkbook().Header().Row(2, "r-1").Text(2, 13, "stray").ToBytes();

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
}
