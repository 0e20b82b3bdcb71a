using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
        using var document = SpreadsheetDocument.Open(new MemoryStream(ArchiveWriter.WriteXlsx(Archives.Awkward())), isEditable: false);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Descendants<Sheet>().First();
        var cells = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet.Descendants<Cell>().ToDictionary(cell => cell.CellReference!.Value!);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        Assert.Equal(Archives.Header, string.Join(",", "ABCDEFGHIJK".Select(column => Text(cells[$"{column}1"]))));
        Assert.All(cells.Values, cell => Assert.Equal(CellValues.InlineString, cell.DataType?.Value));
        Assert.All(cells.Values, cell => Assert.Equal(49u, formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value));
        Assert.DoesNotContain(cells.Values, cell => cell.CellFormula is not null);
        Assert.Equal("0755123", Text(cells["E3"]));
        Assert.Equal("=HYPERLINK(\"http://example.invalid\")", Text(cells["B3"]));
    }

    [Fact]
    public void An_xlsx_export_keeps_every_row_when_a_cell_is_over_what_a_spreadsheet_holds()
    {
        var cards = Enumerable.Range(0, 5000).Select(i => $"{i:X8}").ToArray();
        var notes = new string('n', 40_000);
        var residents = new[] { Archives.Resident("r-1", cards: cards) with { Notes = notes }, Archives.Resident("r-2") with { Name = "Bell\u0007" } };

        var rows = ArchiveReader.ReadXlsx(ArchiveWriter.WriteXlsx(residents));
        var csv = ArchiveReader.ReadCsv(ArchiveWriter.WriteCsv(residents));

        Assert.Equal([2, 3], rows.Select(row => row.Row));
        // Over the import's cell limit, so the row is read as a problem: its text was cut, not lost silently.
        Assert.Contains("more than 4000 characters", rows[0].Problem);
        Assert.Equal("Bell\uFFFD", rows[1]["name"]);
        var cut = XlsxCellText.Fit(ArchiveColumns.Cards, string.Join(';', cards));
        Assert.True(cut.Length <= XlsxCellText.MaxLength);
        Assert.Equal(cards[..cut.Split(';').Length], cut.Split(';'));
        Assert.Equal(XlsxCellText.MaxLength, XlsxCellText.Fit(ArchiveColumns.Notes, notes).Length);
        Assert.Equal([2, 3], csv.Select(row => row.Row));
        Assert.Equal("Bell\u0007", csv[1]["name"]);
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? "";

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
