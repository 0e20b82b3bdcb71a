using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>A hub of its own: the traffic tallies are stored on their timer, so a crash after it keeps
/// them, and when the silo stops in order, so a restart keeps what was counted just before (docs/reports.md).</summary>
public sealed class ReportDurabilityTests
{
    private const string SiteId = "tally";

    [Fact]
    public async Task Traffic_counted_before_a_crash_after_the_flush_and_before_an_orderly_restart_is_kept()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        string password;
        using (var admin = hub.Http(await hub.AdminTokenAsync()))
        {
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync(SiteId, new { name = "Tally Court", timeZone = "UTC", language = "en" });
            password = await provisioning.GateAsync(SiteId, "door");
            await provisioning.ResidentAsync(SiteId, "r-1", "Wang Xiuying", ["CAFE07"]);
        }

        await SwipeAsync(hub, password, "before-crash", 2);
        // The tally stores its counts every 5 s; no report is asked for meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(7));
        await hub.CrashAndStartAsync();
        Assert.Equal(2, await PassagesAsync(hub));

        await SwipeAsync(hub, password, "before-restart", 3);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await hub.RestartAsync();
        Assert.Equal(5, await PassagesAsync(hub));
    }

    private static async Task SwipeAsync(Hub hub, string password, string prefix, int count)
    {
        await using var door = await GateClient.ConnectAsync(hub.Options.MqttPort, SiteId, "door", password);
        for (var i = 0; i < count; i++)
        {
            await door.SwipeAsync($"{prefix}-{i}", "CAFE07");
            Assert.Equal("open", (await door.NextCommandAsync()).GetProperty("action").GetString());
        }
    }

    private static async Task<int> PassagesAsync(Hub hub)
    {
        using var admin = hub.Http(await hub.AdminTokenAsync());
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var report = await hub.GetJsonAsync(admin, $"api/sites/{SiteId}/reports/traffic?from={yesterday}");
        return report.GetProperty("rows").EnumerateArray().Sum(row => row.GetProperty("in").GetInt32());
    }
}
