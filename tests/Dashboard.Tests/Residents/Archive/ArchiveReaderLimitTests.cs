using System.Diagnostics;
using System.Text;
using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Tests.Residents.Archive;

/// <summary>The limits of <see cref="ArchiveLimits"/>: a file over one is refused early with a short,
/// clear message, and a rejected row quotes only the start of its value.</summary>
public sealed class ArchiveReaderLimitTests
{
    private static readonly string[] HeaderCells = Archives.Header.Split(',');

    [Fact]
    public void A_zip_bomb_workbook_is_refused_from_its_declared_size_before_it_is_inflated()
    {
        // One cell of 200 MB of repeated text: the sheet compresses to a few hundred KB.
        var chunk = new string('A', 1 << 20);
        var bomb = RawWorkbook.Build(w =>
        {
            w.Write(RawWorkbook.Row(1, HeaderCells));
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
            for (var i = 0; i < 200; i++)
                w.Write(chunk);
            w.Write("</t></is></c></row>");
        });
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");

        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bomb));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.Elapsed}");
        Assert.Equal("file", refused.Field);
        Assert.Contains("unzips to", refused.Message);
    }

    [Fact]
    public void A_zip_that_declares_small_sizes_is_refused_once_it_inflates_past_them()
    {
        var sheet = RawWorkbook.Build(w =>
        {
            w.Write(RawWorkbook.Row(1, HeaderCells));
            for (var row = 2; row < 2000; row++)
                w.Write(RawWorkbook.Row(row, $"r-{row}", "Name", "1-1"));
        });

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(RawWorkbook.Lie(sheet, 100)));

        Assert.Equal("file", refused.Field);
    }

    [Fact]
    public void Shared_text_used_by_many_cells_counts_each_time_and_the_file_is_refused_past_the_budget()
    {
        var notes = new string('n', 3900);
        var bytes = RawWorkbook.Build(w =>
        {
            w.Write(RawWorkbook.Row(1, HeaderCells));
            for (var row = 2; row < 5000; row++)
                w.Write($"<row r=\"{row}\"><c r=\"A{row}\" t=\"inlineStr\"><is><t>r-{row}</t></is></c><c r=\"J{row}\" t=\"s\"><v>0</v></c></row>");
        }, [notes]);

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bytes));

        Assert.Contains("characters of text", refused.Message);
    }

    [Fact]
    public void A_workbook_with_too_many_rows_is_refused()
    {
        var bytes = RawWorkbook.Build(w =>
        {
            w.Write(RawWorkbook.Row(1, HeaderCells));
            for (var row = 2; row <= ArchiveLimits.MaxRows + 2; row++)
                w.Write(RawWorkbook.Row(row, "r"));
        });

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bytes));

        Assert.Contains($"more than {ArchiveLimits.MaxRows} rows", refused.Message);
    }

    [Fact]
    public void A_csv_file_with_too_many_rows_is_refused()
    {
        var lines = new[] { Archives.Header }.Concat(Enumerable.Range(0, ArchiveLimits.MaxRows + 1).Select(i => $"r-{i},A,1-1,,,,,,,,"));

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv(Archives.Csv([.. lines])));

        Assert.Equal("file", refused.Field);
        Assert.Contains($"more than {ArchiveLimits.MaxRows} rows", refused.Message);
    }

    [Fact]
    public void A_header_of_thousands_of_unknown_columns_is_refused_in_a_few_words()
    {
        var header = Archives.Header + string.Concat(Enumerable.Range(0, 50_000).Select(i => $",unknown{i}"));

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv(Archives.Csv(header, "r-1,A,1-1,,,,,,,,")));

        Assert.Equal("header", refused.Field);
        Assert.True(refused.Message.Length < 300, refused.Message);
    }

    [Fact]
    public void Unknown_columns_are_listed_up_to_a_few_and_counted()
    {
        var header = Archives.Header + string.Concat(Enumerable.Range(0, 40).Select(i => $",{new string('x', 100)}{i}"));

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv(Archives.Csv(header)));

        Assert.Equal("header", refused.Field);
        Assert.Equal(ArchiveLimits.MaxListedProblems + 1, refused.Problems.Count);
        Assert.Contains("and 35 more problems", refused.Message);
        Assert.True(refused.Message.Length < 500, refused.Message);
    }

    [Fact]
    public void A_row_with_a_value_far_right_is_a_problem_and_its_cells_are_not_kept()
    {
        var bytes = RawWorkbook.Build(w =>
        {
            w.Write(RawWorkbook.Row(1, HeaderCells));
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>r-1</t></is></c><c r=\"XFD2\" t=\"inlineStr\"><is><t>far</t></is></c></row>");
            w.Write(RawWorkbook.Row(3, "r-2", "B", "1-2"));
        });

        var rows = ArchiveReader.ReadXlsx(bytes);

        Assert.Contains("column 16384", rows[0].Problem);
        Assert.Null(rows[1].Problem);
    }

    [Fact]
    public void A_header_wider_than_the_limit_is_refused()
    {
        var bytes = RawWorkbook.Build(w => w.Write(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>residentId</t></is></c><c r=\"ZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bytes));

        Assert.Equal("header", refused.Field);
        Assert.Contains($"more than {ArchiveLimits.MaxColumns} columns", refused.Message);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public void A_cell_over_the_limit_rejects_its_row_quoting_only_its_start(string format)
    {
        var name = "Start" + new string('z', 50_000);
        var bytes = format == "csv"
            ? Archives.Csv(Archives.Header, $"r-1,{name},1-1,,,,,,,,", "r-2,B,1-2,,,,,,,,")
            : RawWorkbook.Build(w =>
            {
                w.Write(RawWorkbook.Row(1, HeaderCells));
                w.Write(RawWorkbook.Row(2, "r-1", name, "1-1"));
                w.Write(RawWorkbook.Row(3, "r-2", "B", "1-2"));
            });

        var rows = format == "csv" ? ArchiveReader.ReadCsv(bytes) : ArchiveReader.ReadXlsx(bytes);

        Assert.Equal([2, 3], rows.Select(row => row.Row));
        var problem = rows[0].Problem!;
        Assert.StartsWith("name: has more than 4000 characters ('Startzz", problem);
        Assert.True(problem.Length < 100, problem);
        Assert.Null(rows[1].Problem);
    }

    [Fact]
    public void A_csv_record_far_longer_than_any_row_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Archives.Header + "\r\nr-1,\"" + new string('q', 1 << 20) + "\",1-1,,,,,,,,\r\n");

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadCsv(bytes));

        Assert.Equal("file", refused.Field);
        Assert.Contains("longer than 256 KiB after row 1", refused.Message);
    }

    [Fact]
    public void A_cell_of_megabytes_that_compresses_poorly_is_refused_as_it_is_read()
    {
        // Random letters compress about 1.6 times, so neither the declared size nor the ratio gives it away.
        var random = new Random(7);
        var letters = new string([.. Enumerable.Range(0, 3 * 1024 * 1024).Select(_ => (char)('a' + random.Next(26)))]);
        var bytes = RawWorkbook.Build(w =>
        {
            w.Write(RawWorkbook.Row(1, HeaderCells));
            w.Write(RawWorkbook.Row(2, "r-1", letters, "1-1"));
        });

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(bytes));

        Assert.Contains("cell or tag of more than 1024 KiB", refused.Message);
    }

    [Fact]
    public void A_zip_of_thousands_of_entries_is_refused_before_its_directory_is_read()
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 5000; i++)
                zip.CreateEntry($"x{i}");
        }

        var refused = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.ReadXlsx(output.ToArray()));

        Assert.Contains($"more than {ArchiveLimits.MaxZipEntries} parts", refused.Message);
    }
}
