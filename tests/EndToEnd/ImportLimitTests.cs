using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace Ops.EndToEnd;

/// <summary>The limits of the resident import and the API against the running dashboard (docs/limits.md):
/// hostile files are refused quickly with a short answer, and the dashboard's memory stays bounded.</summary>
[Collection(HubCollection.Name)]
public sealed class ImportLimitTests(HubFixture fixture, ITestOutputHelper output)
{
    private const string Header = "residentId,name,unit,building,phone,birthday,care,cards,plates,notes,active";
    private const string CsvType = "text/csv";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>How much the dashboard's resident memory may grow over one hostile request.</summary>
    private const long MemoryMargin = 150L * 1024 * 1024;

    [Fact]
    public async Task A_workbook_that_unzips_to_hundreds_of_megabytes_is_refused_quickly_without_the_memory()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("lim-bomb");
        // One cell of 300 MB of repeated text compresses to about 300 KB.
        var chunk = new string('A', 1 << 20);
        var bomb = Workbook(w =>
        {
            w.Write(InlineRow(1, Header.Split(',')));
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
            for (var i = 0; i < 300; i++)
                w.Write(chunk);
            w.Write("</t></is></c></row>");
        });
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");
        var before = await SettledMemoryAsync(admin, siteId);

        var declared = await MeasureAsync(() => PostAsync(admin, siteId, bomb, XlsxType));
        var lying = await MeasureAsync(() => PostAsync(admin, siteId, LieAboutSizes(bomb), XlsxType));

        foreach (var (status, body, elapsed) in new[] { declared, lying })
        {
            Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("file", out _), body);
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"{elapsed}");
        }
        Assert.Contains("unzips to", declared.Body);
        var after = Memory();
        Report("zip bomb", before, after);
        Assert.True(after - before < MemoryMargin, $"RSS grew from {before >> 20} MiB to {after >> 20} MiB");
        Assert.Empty(await SearchAsync(admin, siteId));
    }

    [Fact]
    public async Task A_workbook_of_hundreds_of_thousands_of_long_rows_is_refused_with_a_short_answer_and_bounded_memory()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("lim-rows");
        // 400,000 rows whose cells all use one shared text of 2,000 characters: a small file, a huge sheet.
        var workbook = Workbook(w =>
        {
            w.Write(InlineRow(1, Header.Split(',')));
            for (var row = 2; row <= 400_001; row++)
                w.Write($"<row r=\"{row}\"><c r=\"A{row}\" t=\"s\"><v>0</v></c><c r=\"B{row}\" t=\"s\"><v>0</v></c><c r=\"C{row}\" t=\"s\"><v>0</v></c></row>");
        }, [new string('x', 2000)]);
        var before = await SettledMemoryAsync(admin, siteId);

        var (status, body, elapsed) = await MeasureAsync(() => PostAsync(admin, siteId, workbook, XlsxType));

        var after = Memory();
        Report($"400k rows ({workbook.Length >> 10} KiB)", before, after);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        Assert.True(body.Length < 2048, $"{body.Length} characters");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("file", out _), body);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"{elapsed}");
        Assert.True(after - before < MemoryMargin, $"RSS grew from {before >> 20} MiB to {after >> 20} MiB");
        Assert.Empty(await SearchAsync(admin, siteId));
    }

    [Fact]
    public async Task A_file_of_many_bad_rows_lists_a_hundred_short_rejects_and_counts_the_rest()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("lim-rejects");
        var name = new string('n', 3000);
        var csv = Csv([Header, .. Enumerable.Range(0, 3000).Select(i => $"r-{i},{name},1-1,,,,,,,,")]);
        var before = await SettledMemoryAsync(admin, siteId);

        var (status, body, _) = await MeasureAsync(() => PostAsync(admin, siteId, csv, CsvType, dryRun: true));

        var after = Memory();
        Report($"3,000 rejected rows ({csv.Length >> 10} KiB)", before, after);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body}");
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(3000, answer.GetProperty("rejectedCount").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(100, rejected.Count);
        Assert.All(rejected, reject => Assert.True(reject.GetProperty("reason").GetString()!.Length < 100, reject.ToString()));
        Assert.True(body.Length < 16 * 1024, $"{body.Length} characters for a {csv.Length} byte file");
        Assert.True(after - before < MemoryMargin, $"RSS grew from {before >> 20} MiB to {after >> 20} MiB");
    }

    [Fact]
    public async Task Thousands_of_cards_are_refused_by_put_and_by_import_and_the_export_still_works()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("lim-cards");
        await PutResidentAsync(admin, siteId, "r-1", new { name = "Wang", unit = "1-1", cards = new[] { "aa01" } });
        var cards = Enumerable.Range(0, 5000).Select(i => $"{i:X8}").ToArray();

        using var put = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-1", new { name = "Wang", unit = "1-1", cards });
        var import = await ImportAsync(admin, siteId, Csv(Header, $"r-2,Li,1-2,,,,,{string.Join(';', cards[..400])},,,"));
        var tooMany = await ImportAsync(admin, siteId, Csv(Header, $"r-3,Li,1-3,,,,,{string.Join(';', Enumerable.Range(0, 20_000).Select(i => $"{i:X4}"))},,,"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.True((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cards", out _));
        Assert.Equal(["aa01"], (await fixture.Hub.GetJsonAsync(admin, $"api/sites/{siteId}/residents/r-1")).GetProperty("cards").EnumerateArray().Select(c => c.GetString()!.ToLowerInvariant()));
        Assert.StartsWith("cards: must have at most 20 items", Assert.Single(import.GetProperty("rejected").EnumerateArray()).GetProperty("reason").GetString());
        var reason = Assert.Single(tooMany.GetProperty("rejected").EnumerateArray()).GetProperty("reason").GetString()!;
        Assert.StartsWith("cards: has more than 4000 characters", reason);
        Assert.True(reason.Length < 100, reason);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            using var export = await admin.GetAsync($"api/sites/{siteId}/residents/export?format={format}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        }
        Assert.Equal(["r-1"], (await SearchAsync(admin, siteId)).Select(r => r.GetProperty("residentId").GetString()));
    }

    [Fact]
    public async Task Control_and_bidi_override_characters_are_refused_naming_the_field_and_change_nothing()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("lim-chars");
        await PutResidentAsync(admin, siteId, "r-1", new { name = "Wang", unit = "1-1", notes = "first\nsecond" });

        using var bidi = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-1", new { name = "Wang\u202Egnp.exe", unit = "1-1" });
        using var control = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-1", new { name = "Wang", unit = "1-1\u0007" });
        using var isolate = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-1", new { name = "Wang", unit = "1-1", notes = "ok\n\u2066hidden\u2069" });
        using var incident = await admin.PostAsJsonAsync($"api/sites/{siteId}/incidents", new { kind = "water-outage", title = "No water\u202E" });
        using var gate = await admin.PostAsJsonAsync($"api/sites/{siteId}/gates/none/shelve", new { kind = "door-held", minutes = 5, reason = "bell\u0007" });
        var import = await ImportAsync(admin, siteId, Csv(Header, "r-2,\"Li\u202EMing\",1-2,,,,,,,,"));

        foreach (var (response, field) in new[] { (bidi, "name"), (control, "unit"), (isolate, "notes"), (incident, "title"), (gate, "reason") })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body}");
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
        }
        var stored = await fixture.Hub.GetJsonAsync(admin, $"api/sites/{siteId}/residents/r-1");
        Assert.Equal("Wang", stored.GetProperty("name").GetString());
        Assert.Equal("1-1", stored.GetProperty("unit").GetString());
        Assert.Equal("first\nsecond", stored.GetProperty("notes").GetString());
        Assert.StartsWith("name:", Assert.Single(import.GetProperty("rejected").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_header_of_fifty_thousand_unknown_columns_gets_a_short_answer()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("lim-header");
        var csv = Csv(Header + string.Concat(Enumerable.Range(0, 50_000).Select(i => $",unknown-{i}")), "r-1,Wang,1-1,,,,,,,,");

        using var response = await PostAsync(admin, siteId, csv, CsvType);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Length < 1024, $"{body.Length} characters for a {csv.Length} byte file: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("header", out _), body);
        Assert.Empty(await SearchAsync(admin, siteId));
    }

    [Fact]
    public async Task A_json_body_far_over_what_any_endpoint_needs_is_refused()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("lim-body");
        await PutResidentAsync(admin, siteId, "r-1", new { name = "Wang", unit = "1-1" });

        using var huge = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-1", new { name = "Wang", unit = "1-1", notes = new string('n', 1 << 20) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.False((await fixture.Hub.GetJsonAsync(admin, $"api/sites/{siteId}/residents/r-1")).TryGetProperty("notes", out _));
    }

    private HttpClient Admin() => fixture.Hub.Http(fixture.AdminToken);

    private long Memory() => fixture.Hub.ProcessNamed("dashboard").ResidentBytes();

    private void Report(string scenario, long before, long after) =>
        output.WriteLine($"{scenario}: dashboard RSS {before >> 20} MiB before, {after >> 20} MiB after");

    /// <summary>The dashboard's memory once an ordinary import has warmed the import's code up.</summary>
    private async Task<long> SettledMemoryAsync(HttpClient admin, string siteId)
    {
        using var warm = await PostAsync(admin, siteId, Csv(Header), CsvType, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        return Memory();
    }

    private async Task<string> SiteAsync(string siteId)
    {
        using var admin = Admin();
        await new Provisioning(admin).SiteAsync(siteId);
        return siteId;
    }

    private static async Task PutResidentAsync(HttpClient admin, string siteId, string residentId, object resident)
    {
        using var response = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/{residentId}", resident);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body, TimeSpan Elapsed)> MeasureAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, clock.Elapsed);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string siteId, byte[] body, string contentType, bool dryRun = false)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await http.PostAsync($"api/sites/{siteId}/residents/import{(dryRun ? "?dryRun=true" : "")}", content);
    }

    private async Task<JsonElement> ImportAsync(HttpClient http, string siteId, byte[] body)
    {
        using var response = await PostAsync(http, siteId, body, CsvType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement[]> SearchAsync(HttpClient http, string siteId)
    {
        using var response = await http.GetAsync($"api/sites/{siteId}/residents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static string InlineRow(int row, params string[] cells) =>
        $"<row r=\"{row}\">" + string.Concat(cells.Select((cell, i) => $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{cell}</t></is></c>")) + "</row>";

    /// <summary>A minimal .xlsx zip written by hand, its sheet as a stream: hostile workbooks are too large
    /// to build cell by cell.</summary>
    private static byte[] Workbook(Action<TextWriter> rows, IReadOnlyList<string>? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
            Entry(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Entry(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>" +
                "<sheet name=\"residents\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Entry(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
            Entry(zip, "xl/sharedStrings.xml", w =>
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">{string.Concat((sharedStrings ?? []).Select(s => $"<si><t>{s}</t></si>"))}</sst>"));
            Entry(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
                rows(w);
                w.Write("</sheetData></worksheet>");
            });
        }
        return buffer.ToArray();
    }

    private static void Entry(ZipArchive zip, string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    /// <summary>The same zip with every entry declaring 4 KiB uncompressed, whatever it inflates to.</summary>
    private static byte[] LieAboutSizes(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 4096u);
            else if (signature == 0x02014b50)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 4096u);
        }
        return bytes;
    }
}
