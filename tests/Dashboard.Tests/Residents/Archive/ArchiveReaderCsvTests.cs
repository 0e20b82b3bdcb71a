using System.Text;
using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Tests.Residents.Archive;

public sealed class ArchiveReaderCsvTests
{
    [Fact]
    public void Rows_are_read_with_chinese_names_and_numbered_from_the_header()
    {
        var rows = ArchiveReader.ReadCsv(Archives.Csv(
            Archives.Header,
            "r-1,王秀英,3-2-1201,3,13800138000,1946-03-04,elderly;lives-alone,aa01;BB02,粤B12345,,true",
            "r-2,陈静,7-1-0301,,,,,,,,"));

        Assert.Equal([2, 3], rows.Select(row => row.Row));
        var (first, problem) = rows[0].Read();
        Assert.Null(problem);
        Assert.NotNull(first);
        Assert.Equal("王秀英", first.Name);
        Assert.Equal(["elderly", "lives-alone"], first.Care);
        Assert.Equal(["aa01", "BB02"], first.Cards);
        Assert.Equal(["粤B12345"], first.Plates);
        Assert.Equal("陈静", rows[1].Read().Resident?.Name);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Archives.Csv(Archives.Header, "r-1,Wang,1-1,,,,,,,,")).ToArray();

        var rows = ArchiveReader.ReadCsv(bytes);

        Assert.Equal("r-1", Assert.Single(rows).Read().Resident?.ResidentId);
    }

    [Fact]
    public void Blank_lines_are_passed_over_but_keep_their_row_numbers()
    {
        var rows = ArchiveReader.ReadCsv(Archives.Csv(Archives.Header, "r-1,A,1-1,,,,,,,,", "", ",,,,,,,,,,", "r-2,B,1-2,,,,,,,,"));

        Assert.Equal([2, 5], rows.Select(row => row.Row));
    }

    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks()
    {
        var rows = ArchiveReader.ReadCsv(Archives.Csv(Archives.Header, "r-1,\"Wang, Xiuying\",1-1,,,,,,,\"say \"\"hi\"\"\nthen wait\",", "r-2,B,1-2,,,,,,,,"));

        var resident = rows[0].Read().Resident;
        Assert.Equal("Wang, Xiuying", resident?.Name);
        Assert.Equal("say \"hi\"\nthen wait", resident?.Notes);
        Assert.Equal(3, rows[1].Row);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case()
    {
        var rows = ArchiveReader.ReadCsv(Archives.Csv(
            "Active, Name ,residentid,unit,building,phone,birthday,care,cards,plates,notes",
            "false,Wang,r-1,1-1,,,,,,,"));

        var resident = Assert.Single(rows).Read().Resident;
        Assert.Equal("r-1", resident?.ResidentId);
        Assert.Equal("Wang", resident?.Name);
        Assert.False(resident?.Active);
    }

    [Theory]
    [InlineData("residentId,name,unit,building,phone,birthday,care,cards,notes,active", "lacks the column plates")]
    [InlineData("residentId,name,unit,building,phone,care,cards,notes,active", "lacks the columns birthday, plates")]
    [InlineData(Archives.Header + ",email", "has an unknown column 'email'")]
    [InlineData(Archives.Header + ",name", "names the column 'name' twice")]
    [InlineData("r-1,Wang,1-1,,,,,,,,", "lacks the columns")]
    public void A_wrong_header_is_refused_naming_what_is_wrong(string header, string problem)
    {
        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv(Archives.Csv(header, "r-1,Wang,1-1,,,,,,,,")));

        Assert.Equal("header", refused.Field);
        Assert.Contains(problem, refused.Message);
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv([]));

        Assert.Equal("header", refused.Field);
        Assert.Contains("missing", refused.Message);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused()
    {
        // 王秀英 in GB18030, as a spreadsheet saves "CSV" in a Chinese locale.
        var bytes = Archives.Csv(Archives.Header).Concat(new byte[] { 0x72, 0x2D, 0x31, 0x2C, 0xCD, 0xF5, 0xD0, 0xE3, 0xD3, 0xA2 }).ToArray();

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv(bytes));

        Assert.Equal("file", refused.Field);
        Assert.Contains("UTF-8", refused.Message);
    }

    [Fact]
    public void A_workbook_sent_as_csv_is_refused_saying_so()
    {
        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv(ArchiveWriter.WriteXlsx([])));

        Assert.Contains("workbook", refused.Message);
    }

    [Theory]
    [InlineData("r-1,Wang,1-1,,,,,,,", "has 10 cells where the header has 11")]
    [InlineData("r-1,Wang,1-1,,,,,,,,,surplus", "has a value in column 12")]
    [InlineData("r-1,\"Wang\"x,1-1,,,,,,,,", "malformed quoting")]
    public void A_row_that_does_not_fit_the_header_comes_back_with_its_problem(string line, string problem)
    {
        var rows = ArchiveReader.ReadCsv(Archives.Csv(Archives.Header, line, "r-2,B,1-2,,,,,,,,"));

        Assert.Contains(problem, rows[0].Problem);
        Assert.Contains(problem, rows[0].Read().Problem);
        Assert.Null(rows[1].Problem);
    }

    [Fact]
    public void Empty_cells_after_the_last_column_are_no_problem()
    {
        var rows = ArchiveReader.ReadCsv(Archives.Csv(Archives.Header, "r-1,Wang,1-1,,,,,,,,true,,"));

        Assert.Null(Assert.Single(rows).Problem);
    }

    [Fact]
    public void A_cell_written_with_a_formula_guard_is_read_without_it()
    {
        var rows = ArchiveReader.ReadCsv(Archives.Csv(Archives.Header, "r-1,'=SUM(A1),1-1,,'+86 138,,,,,'-note,"));

        var resident = Assert.Single(rows).Read().Resident;
        Assert.Equal("=SUM(A1)", resident?.Name);
        Assert.Equal("+86 138", resident?.Phone);
        Assert.Equal("-note", resident?.Notes);
    }
}
