using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ops.LoadGen;

/// <summary>The archive's speed at a site of many residents: a CSV import of <c>--residents</c> residents in
/// <c>--buildings</c> buildings (a quarter of them elderly, some living alone), then an incident for one
/// building (answered with its care list), a search and a CSV export, each timed from request to answer.</summary>
public sealed class ArchiveBenchmark(LoadOptions options)
{
    private const string SiteId = "archive-bench";

    // The hub takes at most this many rows in one file (docs/limits.md); more are imported file by file.
    private const int RowsPerFile = 20_000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(10) };
        using (var signIn = await http.PostAsJsonAsync("api/auth/token", new { username = "admin", password = options.AdminPassword }, cancellationToken))
        {
            signIn.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync(cancellationToken));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        }
        (await http.PutAsJsonAsync($"api/sites/{SiteId}", new { name = "Archive benchmark", language = "en" }, cancellationToken)).EnsureSuccessStatusCode();

        var files = Enumerable.Range(0, (options.Residents + RowsPerFile - 1) / RowsPerFile)
            .Select(file => Archive(file * RowsPerFile + 1, Math.Min(options.Residents, (file + 1) * RowsPerFile), options.Buildings))
            .ToList();
        Console.WriteLine($"Archive: {options.Residents:N0} residents in {options.Buildings} buildings, " +
            $"{files.Sum(csv => csv.Length) / 1024:N0} KiB of CSV in {files.Count} file(s)");
        var results = new List<(string Name, double Ms, string Detail)>();

        var (importMs, created) = (0.0, 0L);
        foreach (var csv in files)
        {
            var (ms, imported) = await TimeAsync(() => http.PostAsync($"api/sites/{SiteId}/residents/import",
                new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, cancellationToken));
            importMs += ms;
            created += long.Parse(Field(imported, "created"), CultureInfo.InvariantCulture);
        }
        results.Add(("import", importMs, $"{created} created"));

        var (incidentMs, incident) = await TimeAsync(() => http.PostAsJsonAsync($"api/sites/{SiteId}/incidents",
            new { kind = "water-outage", building = "B01", title = "Water off in building B01" }, cancellationToken));
        results.Add(("incident (building B01)", incidentMs, Field(incident, "situations") + " situations"));

        // Reads are timed once right after the import (the first export also compiles its code) and then
        // WarmRepeats times more, of which the median is the figure of a hub that has been up a while.
        var searchUrl = $"api/sites/{SiteId}/residents?query=0042";
        var (searchMs, found) = await TimeAsync(() => http.GetAsync(searchUrl, cancellationToken));
        var searchWarmMs = await MedianAsync(async () => (await TimeAsync(() => http.GetAsync(searchUrl, cancellationToken))).Ms);
        results.Add(("search", searchMs, $"{JsonDocument.Parse(found).RootElement.GetArrayLength()} found"));
        results.Add(("search (again, median)", searchWarmMs, $"of {WarmRepeats}"));

        // An export is timed as a download: its bytes are counted as they arrive, not decoded into a string of this process.
        var exportUrl = $"api/sites/{SiteId}/residents/export?format=csv";
        Func<Task<HttpResponseMessage>> export = () => http.GetAsync(exportUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var (exportMs, exportedBytes) = await TimeDownloadAsync(export, cancellationToken);
        var exportWarmMs = await MedianAsync(async () => (await TimeDownloadAsync(export, cancellationToken)).Ms);
        results.Add(("export (CSV)", exportMs, $"{exportedBytes / 1024:N0} KiB"));
        results.Add(("export (again, median)", exportWarmMs, $"of {WarmRepeats}"));

        Console.WriteLine();
        Console.WriteLine($"{"operation",-26} {"ms",10}  result");
        foreach (var (name, ms, detail) in results)
            Console.WriteLine($"{name,-26} {ms,10:F1}  {detail}");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"ARCHIVE residents={options.Residents} import_ms={importMs:F0} incident_ms={incidentMs:F0} search_ms={searchMs:F0} export_ms={exportMs:F0} search_again_ms={searchWarmMs:F0} export_again_ms={exportWarmMs:F0}");
        Console.WriteLine();
        Console.WriteLine(summary);
        if (options.SummaryFile is { } file)
            await File.WriteAllTextAsync(file, summary + "\n", cancellationToken);
        return 0;
    }

    private const int WarmRepeats = 5;

    private static async Task<double> MedianAsync(Func<Task<double>> timed)
    {
        var times = new List<double>();
        for (var i = 0; i < WarmRepeats; i++)
            times.Add(await timed());
        times.Sort();
        return times[WarmRepeats / 2];
    }

    private static async Task<(double Ms, string Body)> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await request();
        var body = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        return (ms, body);
    }

    private static async Task<(double Ms, long Bytes)> TimeDownloadAsync(Func<Task<HttpResponseMessage>> request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await request();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81_920];
        long bytes = 0;
        for (int read; (read = await body.ReadAsync(buffer, cancellationToken)) > 0;)
            bytes += read;
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, bytes);
    }

    private static string Field(string json, string name)
    {
        var value = JsonDocument.Parse(json).RootElement.GetProperty(name);
        return value.ValueKind == JsonValueKind.Array ? value.GetArrayLength().ToString(CultureInfo.InvariantCulture) : value.ToString();
    }

    /// <summary>Residents <c>a000001</c>... with one card each, spread over the buildings in turn.</summary>
    public static byte[] Archive(int residents, int buildings) => Archive(1, residents, buildings);

    /// <summary>Residents number <paramref name="first"/> to <paramref name="last"/> of <see cref="Archive(int, int)"/>.</summary>
    public static byte[] Archive(int first, int last, int buildings)
    {
        var text = new StringBuilder("residentId,name,unit,building,phone,birthday,care,cards,plates,notes,active\n");
        for (var i = first; i <= last; i++)
        {
            var building = $"B{(i - 1) % buildings + 1:D2}";
            var care = (i % 4) switch { 0 => "elderly", 1 when i % 8 == 1 => "elderly;lives-alone", _ => "" };
            text.Append(CultureInfo.InvariantCulture,
                $"a{i:D6},Resident {i},{building}-{i % 30 + 1}-{i % 1000:D4},{building},1380000{i % 10000:D4},,{care},A{i:X7},,,true\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
