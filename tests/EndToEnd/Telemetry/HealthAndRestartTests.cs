using System.Net;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd.Telemetry;

/// <summary>Each on a hub of its own, since each stops part of it.</summary>
public sealed class HealthAndRestartTests
{
    [Fact]
    public async Task Ready_says_which_part_is_down_when_the_gateway_is_gone()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        using var http = hub.Http();
        var ready = await ReadyAsync(http);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Body.GetProperty("status").GetString());
        foreach (var part in new[] { "silo", "broker", "database" })
            Assert.Equal("Healthy", ready.Body.GetProperty("checks").GetProperty(part).GetProperty("status").GetString());

        await hub.ProcessNamed("gateway").KillAsync();

        ready = await ReadyAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Body.GetProperty("status").GetString());
        var checks = ready.Body.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("broker").GetProperty("status").GetString());
        Assert.Contains("broker", checks.GetProperty("broker").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());

        await hub.ProcessNamed("silo").KillAsync();

        checks = (await ReadyAsync(http)).Body.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Counters_survive_a_crash_of_the_whole_hub()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        string password;
        using (var admin = hub.Http(await hub.AdminTokenAsync()))
        {
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync("counted");
            password = await provisioning.GateAsync("counted", "door");
        }
        await using (var door = await GateClient.ConnectAsync(hub.Options.MqttPort, "counted", "door", password))
        {
            for (var i = 0; i < 3; i++)
            {
                await door.SwipeAsync($"before-crash-{i}", "FEED0001");
                await door.NextCommandAsync();
            }
        }
        using var http = hub.Http();
        var counted = await Scrape.UntilAsync(http, scrape => scrape.Value("ops_decisions_total", ("reason", "denied.unknown-card")) == 3);
        Assert.True(counted.Value("ops_decisions_total", ("reason", "denied.unknown-card")) == 3, counted.Text);
        // The counters are saved every 5 s, never per event: wait for a save (two periods, for a busy machine), then cut the power.
        await Task.Delay(TimeSpan.FromSeconds(11));

        await hub.CrashAndStartAsync();

        var restarted = await Scrape.UntilAsync(http, scrape => scrape.Value("ops_decisions_total", ("reason", "denied.unknown-card")) == 3);
        Assert.True(restarted.Value("ops_decisions_total", ("reason", "denied.unknown-card")) == 3, restarted.Text);
        Assert.True(restarted.Value("ops_events_total", ("type", "card.swiped")) == 3, restarted.Text);
        Assert.True(restarted.Value("ops_decision_seconds_count") == 3, restarted.Text);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
