using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Ops.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>The Reports page at a wall screen and on a phone, in both languages, after ten days of a
/// community's traffic sent over MQTT: screenshots, WCAG AA checks by axe, and a download.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture fixture)
{
    private const string Site = "willow";
    private const string Operator = "li.na";
    private const string OperatorPassword = "operator-password-1";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("en", 1920, 1080)]
    [InlineData("zh-CN", 1920, 1080)]
    [InlineData("en", 390, 844)]
    [InlineData("zh-CN", 390, 844)]
    public async Task The_reports_page_shows_each_report_and_meets_WCAG_AA(string language, int width, int height)
    {
        await PopulateAsync();
        var page = await OpenAsync(language, width, height);

        await Expect(page.GetByTestId("kpi-revenue")).ToContainTextAsync("¥");
        await Expect(page.GetByTestId("response-users")).ToContainTextAsync("李娜 Li Na");
        await Expect(page.GetByTestId("traffic-table")).ToContainTextAsync("East door");
        await Expect(page.GetByTestId("situations-table")).ToContainTextAsync(language == "en" ? "Door held open" : "门长时间未关");
        await Expect(page.Locator("[data-testid=chart-traffic] canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=chart-revenue] canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=chart-situations] canvas")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = language == "en" ? "Reports" : "统计报表" })).ToHaveAttributeAsync("aria-current", "page");
        await page.WaitForTimeoutAsync(300);
        await BrowserFixture.ScreenshotAsync(page, $"reports-{width}x{height}-{language}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"reports-{width}x{height}-{language}-full.png"), FullPage = true });

        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        var problems = (await page.RunAxe(WcagAa)).Violations.Select(violation =>
            $"{violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(node => node.Target?.ToString()))}").ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(fixture.ForeignRequests());
    }

    [Fact]
    public async Task A_report_downloads_as_csv_for_the_chosen_period()
    {
        await PopulateAsync();
        var page = await OpenAsync("en", 1920, 1080);
        await page.GetByRole(AriaRole.Button, new() { Name = "Last 7 days" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Last 7 days" })).ToHaveAttributeAsync("aria-pressed", "true");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download Parking revenue per day as CSV" }).ClickAsync());

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
        var from = today.AddDays(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"revenue-{Site}-{from}-{today:yyyy-MM-dd}.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8)).Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,payments,revenueCents,revenue", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.StartsWith(from, lines[1]);
    }

    private async Task<IPage> OpenAsync(string language, int width, int height)
    {
        var page = await fixture.SignInAsync(Operator, OperatorPassword, "reports", width, height, language);
        await Expect(page.GetByTestId("report-kpis")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return page;
    }

    private static bool populated;

    /// <summary>Willow Gardens, the last ten days: residents through two doors with a morning and an evening
    /// rush and now and then an unknown card, visitor cars staying and paying at the exit, and situations
    /// raised in the last minutes and handled by two people. Events reach the hub as a gate's buffer would
    /// send them, with their own times.</summary>
    private async Task PopulateAsync()
    {
        if (populated)
            return;
        populated = true;
        using var admin = fixture.Hub.Http(await fixture.Hub.AdminTokenAsync());
        var provisioning = new Provisioning(admin);
        await provisioning.SiteAsync(Site, new { name = "Willow Gardens", timeZone = "Asia/Shanghai", language = "zh-CN" });
        using (var user = await admin.PutAsJsonAsync($"api/users/{Operator}",
            new { password = OperatorPassword, role = "operator", displayName = "李娜 Li Na", sites = new[] { Site } }))
            user.EnsureSuccessStatusCode();
        var passwords = new Dictionary<string, string>();
        foreach (var (gateId, name, kind) in new[]
        {
            ("east-door", "East door", "pedestrian"), ("north-door", "North door", "pedestrian"),
            ("car-in", "Car park entrance", "vehicle"), ("car-out", "Car park exit", "vehicle"),
        })
        {
            using var response = await admin.PutAsJsonAsync($"api/sites/{Site}/gates/{gateId}", new { name, kind, direction = "both" });
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            passwords[gateId] = body.RootElement.GetProperty("mqtt").GetProperty("password").GetString()!;
        }
        for (var resident = 1; resident <= 6; resident++)
            await provisioning.ResidentAsync(Site, $"w-{resident}", $"Resident {resident}", [$"ee000{resident}"]);

        var port = fixture.Hub.Options.MqttPort;
        await using var east = await GateClient.ConnectAsync(port, Site, "east-door", passwords["east-door"]);
        await using var north = await GateClient.ConnectAsync(port, Site, "north-door", passwords["north-door"]);
        await using var carIn = await GateClient.ConnectAsync(port, Site, "car-in", passwords["car-in"]);
        await using var carOut = await GateClient.ConnectAsync(port, Site, "car-out", passwords["car-out"]);

        var now = DateTimeOffset.UtcNow;
        var today = TimeZoneInfo.ConvertTime(now, Shanghai).Date;
        DateTimeOffset At(int daysAgo, int hour, int minute) =>
            new(today.AddDays(-daysAgo).AddHours(hour).AddMinutes(minute), TimeSpan.FromHours(8));
        int[] perHour = [0, 0, 0, 0, 0, 0, 1, 4, 6, 3, 1, 1, 2, 1, 1, 1, 1, 3, 5, 3, 2, 1, 1, 0];
        var n = 0;
        for (var daysAgo = 9; daysAgo >= 0; daysAgo--)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                for (var i = 0; i < perHour[hour] + (daysAgo + hour) % 2; i++)
                {
                    var at = At(daysAgo, hour, (i * 13 + daysAgo * 7) % 60);
                    if (at > now)
                        continue;
                    var card = $"ee000{1 + (n % 6)}";
                    var (gate, direction) = hour < 12 ? (n % 3 == 0 ? (north, "in") : (east, "out")) : (n % 3 == 0 ? (north, "out") : (east, "in"));
                    await gate.PublishEventAsync(new { eventId = $"w-{n++}", type = "card.swiped", at, card, direction });
                }
            }
            var unknown = At(daysAgo, 21, 40);
            if (unknown < now)
                await east.PublishEventAsync(new { eventId = $"w-{n++}", type = "card.swiped", at = unknown, card = "ff9999", direction = "in" });

            // Visitor cars: each stays a while and pays the fee at the exit.
            foreach (var (car, arrive, minutes) in new[] { (1, 9 * 60 + 5, 125), (2, 13 * 60 + 30, 40), (3, 18 * 60 + 10, 95 + daysAgo * 10) }.Take(1 + daysAgo % 3))
            {
                var plate = $"沪A{daysAgo}{car}234";
                var entered = At(daysAgo, 0, arrive);
                var left = entered.AddMinutes(minutes);
                if (left.AddMinutes(1) > now)
                    continue;
                await carIn.PublishEventAsync(new { eventId = $"w-{n++}", type = "plate.read", at = entered, plate, direction = "in" });
                await carOut.PublishEventAsync(new { eventId = $"w-{n++}", type = "plate.read", at = left, plate, direction = "out" });
                await carOut.PublishEventAsync(new { eventId = $"w-{n++}", type = "payment.completed", at = left.AddMinutes(1), plate, amountCents = Fee(minutes + 1), method = "qr" });
            }
        }

        // Situations of the last minutes, acknowledged now: their response times are these minutes.
        using var li = fixture.Hub.Http(await fixture.Hub.TokenAsync(Operator, OperatorPassword));
        foreach (var (gate, gateEvent, kind, agoSeconds, by, resolve) in new (GateClient, string, string, int, HttpClient, bool)[]
        {
            (east, "door.held", "door-held", 95, li, true),
            (north, "door.held", "door-held", 610, li, true),
            (north, "door.forced", "door-forced", 42, admin, true),
            (carOut, "tamper", "tamper", 300, li, false),
            (carIn, "fault", "gate-fault", 150, admin, true),
        })
        {
            await gate.PublishEventAsync(new { eventId = $"w-{n++}", type = gateEvent, at = now.AddSeconds(-agoSeconds), code = "E42" });
            var id = await SituationAsync(admin, kind, gate.GateId);
            using (var acknowledged = await by.PostAsJsonAsync($"api/situations/{id}/acknowledge", new { note = "on my way" }))
                acknowledged.EnsureSuccessStatusCode();
            if (resolve)
            {
                using var resolved = await by.PostAsJsonAsync($"api/situations/{id}/resolve", new { note = "checked on site" });
                resolved.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>The site's default fee for a stay (docs/api.md): 15 free minutes, ¥5.00 the first hour, ¥2.00 per further half hour.</summary>
    private static int Fee(int minutes) => minutes <= 15 ? 0 : Math.Min(3000, 500 + (int)Math.Ceiling(Math.Max(0, minutes - 60) / 30.0) * 200);

    private async Task<string> SituationAsync(HttpClient admin, string kind, string gateId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var open = await fixture.Hub.GetJsonAsync(admin, $"api/sites/{Site}/situations");
            foreach (var view in open.EnumerateArray())
            {
                if (view.GetProperty("kind").GetString() == kind && view.TryGetProperty("gateId", out var gate) && gate.GetString() == gateId)
                    return view.GetProperty("id").GetString()!;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no {kind} at {gateId}");
            await Task.Delay(100);
        }
    }

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };
}
