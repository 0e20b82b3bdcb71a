using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>The reports of a site (docs/reports.md) after real gate traffic over MQTT: a resident's swipe and
/// an unknown card at a door, a visitor car that stayed two hours and paid at the exit, a forced door that
/// an operator acknowledged and resolved; each report downloaded as CSV and as .xlsx.</summary>
[Collection(HubCollection.Name)]
public sealed class ReportTests(HubFixture fixture)
{
    private const string SiteId = "rep";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Shanghai).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Hour(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Shanghai).Hour.ToString(CultureInfo.InvariantCulture);

    private static string Week(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Shanghai).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Reports_count_the_traffic_the_revenue_and_the_situations_and_download_as_csv_and_xlsx()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        var provisioning = new Provisioning(admin);
        await provisioning.SiteAsync(SiteId, new { name = "Report Court", language = "en", timeZone = "Asia/Shanghai" });
        var doorPassword = await provisioning.GateAsync(SiteId, "door", openSeconds: 5);
        var entryPassword = await provisioning.GateAsync(SiteId, "car-in", kind: "vehicle");
        var exitPassword = await provisioning.GateAsync(SiteId, "car-out", kind: "vehicle");
        await provisioning.ResidentAsync(SiteId, "r-rep", "Zhao Lei", ["cc0001"]);
        var port = fixture.Hub.Options.MqttPort;
        await using var door = await GateClient.ConnectAsync(port, SiteId, "door", doorPassword);
        await using var entry = await GateClient.ConnectAsync(port, SiteId, "car-in", entryPassword);
        await using var exit = await GateClient.ConnectAsync(port, SiteId, "car-out", exitPassword);

        var now = DateTimeOffset.UtcNow;
        var entered = now.AddMinutes(-125);
        await door.PublishEventAsync(new { eventId = "rep-1", type = "card.swiped", at = now, card = "cc0001", direction = "in" });
        Assert.Equal("open", (await door.NextCommandAsync()).GetProperty("action").GetString());
        await door.PublishEventAsync(new { eventId = "rep-2", type = "card.swiped", at = now, card = "dd0009", direction = "in" });
        Assert.Equal("deny", (await door.NextCommandAsync()).GetProperty("action").GetString());
        // The gate sends the second swipe again (a lost PUBACK): it counts once.
        await door.PublishEventAsync(new { eventId = "rep-2", type = "card.swiped", at = now, card = "dd0009", direction = "in" });
        await door.NextCommandAsync();
        // The entry two hours ago comes from the gate's buffer: counted in its own hour, no command now.
        await entry.PublishEventAsync(new { eventId = "rep-3", type = "plate.read", at = entered, plate = "R12345", direction = "in" });
        Assert.True(await entry.NoCommandWithinAsync(TimeSpan.FromMilliseconds(300)));
        await exit.PublishEventAsync(new { eventId = "rep-4", type = "plate.read", at = now, plate = "R12345", direction = "out" });
        Assert.Equal("denied.unpaid", (await exit.NextCommandAsync()).GetProperty("reason").GetString());
        await exit.PublishEventAsync(new { eventId = "rep-5", type = "payment.completed", at = now, plate = "R12345", amountCents = 1100, method = "qr" });
        Assert.Equal("granted.paid", (await exit.NextCommandAsync()).GetProperty("reason").GetString());
        await door.PublishEventAsync(new { eventId = "rep-6", type = "door.forced", at = now });
        var situation = await OpenSituationAsync(admin, "door-forced");
        using (var acknowledged = await admin.PostAsJsonAsync($"api/situations/{situation}/acknowledge", new { note = "on my way" }))
            acknowledged.EnsureSuccessStatusCode();
        using (var resolved = await admin.PostAsJsonAsync($"api/situations/{situation}/resolve", new { note = "door checked, closed" }))
            resolved.EnsureSuccessStatusCode();

        string[][] traffic =
        [
            [Day(now), Hour(now), "car-out", "car-out", "0", "1", "1", "2"],
            [Day(now), Hour(now), "door", "door", "1", "0", "1", "2"],
            [Day(entered), Hour(entered), "car-in", "car-in", "1", "0", "0", "1"],
        ];
        var expectedTraffic = traffic.OrderBy(row => row[0], StringComparer.Ordinal).ThenBy(row => int.Parse(row[1], CultureInfo.InvariantCulture))
            .ThenBy(row => row[2], StringComparer.Ordinal).ToArray();
        foreach (var format in new[] { "csv", "xlsx" })
        {
            // A report row appears with the gate's first event and its tallies grow as the rest arrive: wait
            // for the final figures, not for the row.
            var rows = await RowsUntilAsync(admin, "traffic", format, rows => SameBody(rows, expectedTraffic));
            Assert.Equal(["date", "hour", "gateId", "gateName", "in", "out", "denied", "total"], rows[0]);
            Assert.Equal(expectedTraffic, rows[1..]);

            var revenue = await RowsUntilAsync(admin, "revenue", format, rows => rows.Count == 31 && rows[^1][1] == "1");
            Assert.Equal(["date", "payments", "revenueCents", "revenue"], revenue[0]);
            Assert.Equal([Day(now), "1", "1100", "11"], revenue[^1]);
            Assert.All(revenue[1..^1], row => Assert.Equal(["0", "0", "0"], row[1..]));

            string[][] expectedSituations = [[Week(now), "door-forced", "1", "1", "1"]];
            var situations = await RowsUntilAsync(admin, "situations", format, rows => SameBody(rows, expectedSituations));
            Assert.Equal(["week", "kind", "raised", "acknowledged", "resolved"], situations[0]);
            Assert.Equal(expectedSituations, situations[1..]);

            var response = await RowsUntilAsync(admin, "response", format,
                rows => rows.Count >= 3 && rows[1].Length > 6 && rows[1][6] == "1" && rows[2].Length > 3 && rows[2][3] == "1");
            Assert.Equal(["group", "key", "count", "acknowledged", "acknowledgeMedianSeconds", "acknowledgeP90Seconds",
                "resolved", "resolveMedianSeconds", "resolveP90Seconds"], response[0]);
            Assert.Equal(["user", "admin", "1", "1"], response[1][..4]);
            Assert.Equal("1", response[1][6]);
            Assert.Equal(["kind", "door-forced", "1", "1"], response[2][..4]);
            Assert.True(double.Parse(response[2][4], CultureInfo.InvariantCulture) >= 0);
        }

        var json = await fixture.Hub.GetJsonAsync(admin, $"api/sites/{SiteId}/reports/revenue?from={Day(now)}&to={Day(now)}");
        Assert.Equal("Asia/Shanghai", json.GetProperty("timeZone").GetString());
        var day = json.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal((Day(now), 1, 1100L), (day.GetProperty("date").GetString(), day.GetProperty("payments").GetInt32(), day.GetProperty("revenueCents").GetInt64()));
    }

    [Fact]
    public async Task Reports_are_for_operators_of_the_site_and_refuse_a_bad_period_or_format()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        await new Provisioning(admin).UserAsync("rep.staff", "staff-password-1", "staff", HubFixture.SiteId);
        using var staff = fixture.Hub.Http(await fixture.Hub.TokenAsync("rep.staff", "staff-password-1"));
        using (var refused = await staff.GetAsync($"api/sites/{HubFixture.SiteId}/reports/traffic"))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        foreach (var (query, field) in new[] { ("from=2026-01-01&to=2026-03-01", "from"), ("to=01-03-2026", "to"), ("format=pdf", "format") })
        {
            using var bad = await admin.GetAsync($"api/sites/{HubFixture.SiteId}/reports/traffic?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), query);
        }
        using (var missing = await admin.GetAsync("api/sites/no-such-site/reports/revenue"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<string> OpenSituationAsync(HttpClient admin, string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var open = await fixture.Hub.GetJsonAsync(admin, $"api/sites/{SiteId}/situations");
            var found = open.EnumerateArray().FirstOrDefault(view => view.GetProperty("kind").GetString() == kind);
            if (found.ValueKind == JsonValueKind.Object)
                return found.GetProperty("id").GetString()!;
            Assert.True(DateTime.UtcNow < deadline, $"no {kind} situation{Environment.NewLine}{fixture.Hub.Diagnostics()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Downloads a report until its rows (the header first) satisfy <paramref name="done"/>: the feed
    /// reaches the tallies within a fraction of a second.</summary>
    private async Task<List<string[]>> RowsUntilAsync(HttpClient admin, string report, string format, Func<List<string[]>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await admin.GetAsync($"api/sites/{SiteId}/reports/{report}?format={format}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.IsSuccessStatusCode, $"{report}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
            Assert.Equal(format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith($"{report}-{SiteId}-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            var rows = format == "csv" ? Csv(bytes) : TestWorkbook.Read(bytes);
            if (done(rows) || DateTime.UtcNow > deadline)
                return rows;
            await Task.Delay(200);
        }
    }

    /// <summary>Whether the rows under the header are exactly <paramref name="expected"/>.</summary>
    private static bool SameBody(List<string[]> rows, string[][] expected) =>
        rows.Count == expected.Length + 1 && rows.Skip(1).Zip(expected).All(pair => pair.First.SequenceEqual(pair.Second));

    private static List<string[]> Csv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return [.. Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];
    }
}
