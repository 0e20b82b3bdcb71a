using System.Text;
using ClosedXML.Excel;
using Ops.Contracts.Residents;
using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Tests.Residents.Archive;

public sealed class ArchiveWriterTests
{
    [Fact]
    public void A_csv_export_is_utf8_with_a_byte_order_mark_and_the_contract_header()
    {
        var bytes = ArchiveWriter.WriteCsv([Archives.Resident("r-1")]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(Archives.Header, lines[0]);
        Assert.Equal("r-1,王秀英,3-2-1201,,,,,,,,true", lines[1]);
    }

    [Fact]
    public void A_csv_export_reads_back_as_the_same_residents()
    {
        var residents = Archives.Awkward();

        var rows = ArchiveReader.ReadCsv(ArchiveWriter.WriteCsv(residents));

        AssertSame(residents, rows);
    }

    [Fact]
    public void A_csv_export_keeps_spreadsheets_from_running_cells_as_formulas()
    {
        var text = Encoding.UTF8.GetString(ArchiveWriter.WriteCsv(Archives.Awkward()));

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"", text);
        Assert.Contains(",'-1,", text);
        Assert.Contains(",'+86 138 0013 8000,", text);
        Assert.Contains(",''quoted by hand,", text);
        Assert.Contains(",'@mention,", text);
    }

    [Fact]
    public void An_xlsx_export_reads_back_as_the_same_residents()
    {
        var residents = Archives.Awkward();

        var rows = ArchiveReader.ReadXlsx(ArchiveWriter.WriteXlsx(residents));

        AssertSame(residents, rows);
    }

    [Fact]
    public void An_xlsx_export_has_the_columns_on_its_first_sheet_and_only_text_cells()
    {
        using var workbook = new XLWorkbook(new MemoryStream(ArchiveWriter.WriteXlsx(Archives.Awkward())));
        var sheet = workbook.Worksheet(1);

        Assert.Equal(Archives.Header, string.Join(",", Enumerable.Range(1, 11).Select(column => sheet.Cell(1, column).GetString())));
        Assert.All(sheet.CellsUsed(), cell => Assert.Equal(XLDataType.Text, cell.DataType));
        Assert.DoesNotContain(sheet.CellsUsed(), cell => cell.HasFormula);
        Assert.Equal("0755123", sheet.Cell(3, 5).GetString());
        Assert.Equal("=HYPERLINK(\"http://example.invalid\")", sheet.Cell(3, 2).GetString());
    }

    [Fact]
    public void An_export_of_no_residents_is_the_header_alone()
    {
        Assert.Empty(ArchiveReader.ReadCsv(ArchiveWriter.WriteCsv([])));
        Assert.Empty(ArchiveReader.ReadXlsx(ArchiveWriter.WriteXlsx([])));
    }

    private static void AssertSame(IReadOnlyList<Resident> residents, IReadOnlyList<ArchiveRow> rows)
    {
        Assert.Equal(Enumerable.Range(2, residents.Count), rows.Select(row => row.Row));
        for (var i = 0; i < residents.Count; i++)
        {
            var (read, problem) = rows[i].Read();
            Assert.Null(problem);
            Assert.NotNull(read);
            Assert.Equal(residents[i].Name, read.Name);
            Assert.Equal(residents[i].Notes, read.Notes);
            Assert.Equal(residents[i].Phone, read.Phone);
            Assert.True(ResidentChanges.AreSame(residents[i], read), residents[i].ResidentId);
        }
    }
}
