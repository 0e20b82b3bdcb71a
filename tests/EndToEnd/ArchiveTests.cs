using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>The resident archive over HTTP (docs/api.md): import from CSV and .xlsx, export, search and
/// the uniqueness of cards and plates. Each test has a site of its own.</summary>
[Collection(HubCollection.Name)]
public sealed class ArchiveTests(HubFixture fixture)
{
    private const string Header = "residentId,name,unit,building,phone,birthday,care,cards,plates,notes,active";
    private const string CsvType = "text/csv";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Good rows, a bad one, a repeated residentId, a repeated card and plate, a card of an active
    /// resident who is not in the file, and a moved-out resident sharing a card.</summary>
    private static readonly string[] Mixed =
    [
        Header,
        "r-1,王秀英,3-2-1201,3,13800138000,1946-03-04,elderly;lives-alone,aa0101,粤b 12345,\"Hard of hearing, knock loudly\",true",
        "r-2,陈静,7-1-0301,7,,,pregnant,,,,",
        "r-3,Bad Birthday,1-1-0101,,,1990-02-30,grumpy,,,,true",
        "r-1,Someone Else,1-1-0102,,,,,,,,",
        "r-4,Card Twin,1-1-0103,,,,,AA0101,,,",
        "r-5,Plate Twin,1-1-0104,,,,,,粤B-12345,,",
        "r-6,Card Thief,1-1-0105,,,,,CC0001,,,",
        "r-7,李明,1-1-0106,,,,,AA0101,,moved out,false",
    ];

    [Fact]
    public async Task A_csv_import_applies_the_good_rows_and_reports_each_bad_or_repeated_row()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-csv");
        await PutResidentAsync(admin, siteId, "holder", new { name = "Holder", unit = "9-9-9901", cards = new[] { "cc0001" } });

        var answer = await ImportAsync(admin, siteId, Csv(Mixed), CsvType);

        Assert.Equal(3, answer.GetProperty("created").GetInt32());
        Assert.Equal(0, answer.GetProperty("updated").GetInt32());
        Assert.Equal(0, answer.GetProperty("unchanged").GetInt32());
        var rejected = Rejected(answer);
        Assert.Equal([4, 5, 6, 7, 8], rejected.Keys);
        Assert.Contains("birthday", rejected[4]);
        Assert.Contains("care", rejected[4]);
        Assert.Contains("residentId 'r-1' is also on row 2", rejected[5]);
        Assert.Contains("card ending 0101 is also on row 2", rejected[6]);
        Assert.Contains("plate 粤B12345 is also on row 2", rejected[7]);
        Assert.Contains("belongs to active resident 'holder'", rejected[8]);

        var wang = await fixture.Hub.GetJsonAsync(admin, $"api/sites/{siteId}/residents/r-1");
        Assert.Equal("王秀英", wang.GetProperty("name").GetString());
        Assert.Equal("Hard of hearing, knock loudly", wang.GetProperty("notes").GetString());
        Assert.Equal("AA0101", wang.GetProperty("cards")[0].GetString());
        Assert.Equal("粤B12345", wang.GetProperty("plates")[0].GetString());
        Assert.False((await fixture.Hub.GetJsonAsync(admin, $"api/sites/{siteId}/residents/r-7")).GetProperty("active").GetBoolean());
        foreach (var missing in new[] { "r-3", "r-4", "r-5", "r-6" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"api/sites/{siteId}/residents/{missing}")).StatusCode);
        Assert.Equal("3-2-1201", wang.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task An_xlsx_import_reads_typed_cells_and_chinese_names_and_reports_bad_rows()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-xlsx");
        var workbook = new TestWorkbook("居民")
            .Row(1, Header.Split(','))
            .Row(2, "r-1", "王秀英", "3-2-1201", "", "", "", "elderly", "0A0B", "京A12345", "", "")
            .Number(2, 5, 13800138000d)
            .Date(2, 6, new DateTime(1946, 3, 4))
            .Boolean(2, 11, true)
            .Row(3, "r-2", "", "7-1-0301", "", "", "", "", "", "", "", "")
            .Row(5, "r-3", "陈静", "7-1-0302", "", "", "", "", "", "京a-12345", "", "")
            .ToBytes();

        var answer = await ImportAsync(admin, siteId, workbook, XlsxType);

        Assert.Equal(1, answer.GetProperty("created").GetInt32());
        var rejected = Rejected(answer);
        Assert.Equal([3, 5], rejected.Keys);
        Assert.Contains("name", rejected[3]);
        Assert.Contains("plate 京A12345 is also on row 2", rejected[5]);
        var wang = await fixture.Hub.GetJsonAsync(admin, $"api/sites/{siteId}/residents/r-1");
        Assert.Equal("王秀英", wang.GetProperty("name").GetString());
        Assert.Equal("13800138000", wang.GetProperty("phone").GetString());
        Assert.Equal("1946-03-04", wang.GetProperty("birthday").GetString());
        Assert.Equal("0A0B", wang.GetProperty("cards")[0].GetString());
    }

    [Fact]
    public async Task A_file_may_come_as_the_one_file_of_a_form()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-form");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Csv(Header, "r-1,王秀英,3-2-1201,,,,,,,,"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "residents.csv");

        using var response = await admin.PostAsync($"api/sites/{siteId}/residents/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task A_dry_run_reports_what_an_import_would_do_and_applies_nothing()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-dry");
        await PutResidentAsync(admin, siteId, "holder", new { name = "Holder", unit = "9-9-9901", cards = new[] { "cc0001" } });

        var dry = await ImportAsync(admin, siteId, Csv(Mixed), CsvType, dryRun: true);

        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["holder"], Ids(await SearchAsync(admin, siteId, "")));
        var real = await ImportAsync(admin, siteId, Csv(Mixed), CsvType);
        Assert.False(real.GetProperty("dryRun").GetBoolean());
        foreach (var count in new[] { "created", "updated", "unchanged" })
            Assert.Equal(real.GetProperty(count).GetInt32(), dry.GetProperty(count).GetInt32());
        Assert.Equal(3, real.GetProperty("created").GetInt32());
        Assert.Equal(Rejected(real), Rejected(dry));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_row_updates_its_resident()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-again");
        await PutResidentAsync(admin, siteId, "holder", new { name = "Holder", unit = "9-9-9901", cards = new[] { "cc0001" } });
        var first = await ImportAsync(admin, siteId, Csv(Mixed), CsvType);

        var again = await ImportAsync(admin, siteId, Csv(Mixed), CsvType);

        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(Rejected(first), Rejected(again));

        var changed = await ImportAsync(admin, siteId, Csv(Header, "r-2,陈静,7-1-0302,7,,,pregnant,,,,"), CsvType);
        Assert.Equal(1, changed.GetProperty("updated").GetInt32());
        Assert.Equal("7-1-0302", (await fixture.Hub.GetJsonAsync(admin, $"api/sites/{siteId}/residents/r-2")).GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_export_imports_back_unchanged(string format)
    {
        using var admin = Admin();
        var siteId = await SiteAsync($"arc-export-{format}");
        await PutResidentAsync(admin, siteId, "r-put", new
        {
            name = "=Formula Looking",
            unit = "-1",
            building = "",
            phone = "+86 0755 1234",
            care = new[] { "wheelchair" },
            notes = "line one\nline \"two\", with a comma",
        });
        await ImportAsync(admin, siteId, Csv(Mixed), CsvType);

        using var export = await admin.GetAsync($"api/sites/{siteId}/residents/export?format={format}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(format == "csv" ? CsvType : XlsxType, export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        if (format == "csv")
            Assert.StartsWith(Header + "\r\nr-1,王秀英,", Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));

        var reimport = await ImportAsync(admin, siteId, bytes, format == "csv" ? CsvType : XlsxType);

        Assert.Equal(0, reimport.GetProperty("created").GetInt32());
        Assert.Equal(0, reimport.GetProperty("updated").GetInt32());
        Assert.Equal(5, reimport.GetProperty("unchanged").GetInt32());
        Assert.Empty(Rejected(reimport));
    }

    [Fact]
    public async Task A_missing_column_refuses_the_whole_file_naming_the_column()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-header");

        using var response = await PostAsync(admin, siteId, Csv("residentId,name,unit,building,phone,birthday,care,cards,notes,active", "r-1,Wang,1-1,,,,,,,"), CsvType);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Contains("plates", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("header", out _), body);
        Assert.Empty(await SearchAsync(admin, siteId, ""));
    }

    [Fact]
    public async Task A_body_that_is_no_archive_is_refused()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-type");

        using var json = await PostAsync(admin, siteId, Encoding.UTF8.GetBytes("{}"), "application/json");
        using var notXlsx = await PostAsync(admin, siteId, Csv(Header), XlsxType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
    }

    [Fact]
    public async Task An_operator_searches_and_exports_but_may_not_import()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-search");
        await ImportAsync(admin, siteId, Csv(
            Header,
            "r-1,王秀英,3-2-1201,3,138-0013-8000,,,04A1B2,粤B12345,,",
            "r-2,Li Ming,7-1-0301,7,13900000000,,,FF0001,京A99999,,",
            "r-3,Wang Fang,7-1-0302,7,,,,,,,false"), CsvType);
        await new Provisioning(admin).UserAsync("archive-op", "operator-password", "operator", siteId);
        using var op = fixture.Hub.Http(await fixture.Hub.TokenAsync("archive-op", "operator-password"));

        Assert.Equal(["r-1", "r-2", "r-3"], Ids(await SearchAsync(op, siteId, "")));
        Assert.Equal(["r-1"], Ids(await SearchAsync(op, siteId, "王秀")));
        Assert.Equal(["r-3"], Ids(await SearchAsync(op, siteId, "fang")));
        Assert.Equal(["r-2", "r-3"], Ids(await SearchAsync(op, siteId, "7-1-03")));
        Assert.Equal(["r-1"], Ids(await SearchAsync(op, siteId, "0013")));
        Assert.Equal(["r-1"], Ids(await SearchAsync(op, siteId, "a1b2")));
        Assert.Equal(["r-1"], Ids(await SearchAsync(op, siteId, "粤b 123")));
        Assert.Equal(["r-2"], Ids(await SearchAsync(op, siteId, "京A-9999")));
        Assert.Empty(await SearchAsync(op, siteId, "nobody"));

        using var export = await op.GetAsync($"api/sites/{siteId}/residents/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var import = await PostAsync(op, siteId, Csv(Header), CsvType);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    [Fact]
    public async Task A_plate_of_an_active_resident_cannot_be_given_to_another_and_the_conflict_says_plate()
    {
        using var admin = Admin();
        var siteId = await SiteAsync("arc-plate");
        await PutResidentAsync(admin, siteId, "r-1", new { name = "Owner", unit = "1-1", cards = new[] { "aa01" }, plates = new[] { "粤B12345" } });

        using var plate = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-2", new { name = "Other", unit = "1-2", plates = new[] { "粤b-12345" } });
        using var card = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-3", new { name = "Other", unit = "1-3", cards = new[] { "AA01" } });
        using var inactive = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/r-4", new { name = "Gone", unit = "1-4", plates = new[] { "粤B12345" }, active = false });

        Assert.Equal(HttpStatusCode.Conflict, plate.StatusCode);
        var plateDetail = (await plate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal("Plate 粤B12345 belongs to active resident 'r-1'.", plateDetail);
        Assert.Equal(HttpStatusCode.Conflict, card.StatusCode);
        Assert.StartsWith("Card ending AA01", (await card.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, inactive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"api/sites/{siteId}/residents/r-2")).StatusCode);
    }

    private HttpClient Admin() => fixture.Hub.Http(fixture.AdminToken);

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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string siteId, byte[] body, string contentType, bool dryRun = false)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await http.PostAsync($"api/sites/{siteId}/residents/import{(dryRun ? "?dryRun=true" : "")}", content);
    }

    private async Task<JsonElement> ImportAsync(HttpClient http, string siteId, byte[] body, string contentType, bool dryRun = false)
    {
        using var response = await PostAsync(http, siteId, body, contentType, dryRun);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}{Environment.NewLine}{fixture.Hub.Diagnostics()}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement[]> SearchAsync(HttpClient http, string siteId, string query)
    {
        using var response = await http.GetAsync($"api/sites/{siteId}/residents?query={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private static string[] Ids(JsonElement[] residents) => [.. residents.Select(r => r.GetProperty("residentId").GetString()!)];

    private static SortedDictionary<int, string> Rejected(JsonElement answer) => new(answer.GetProperty("rejected").EnumerateArray()
        .ToDictionary(row => row.GetProperty("row").GetInt32(), row => row.GetProperty("reason").GetString()!));

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
}
