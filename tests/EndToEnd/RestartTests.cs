using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>A hub of its own, restarted as a whole on the same data directory.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Stopping_the_hub_while_gates_are_connected_prints_no_error_and_no_stack_trace()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        using (var admin = hub.Http(await hub.AdminTokenAsync()))
        {
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync("stop");
            var password = await provisioning.GateAsync("stop", "door");
            await provisioning.ResidentAsync("stop", "r-1", "Wang Xiuying", ["CAFE02"]);
            var door = await GateClient.ConnectAsync(hub.Options.MqttPort, "stop", "door", password);
            await door.SwipeAsync("before-stop", "CAFE02");
            await door.NextCommandAsync();
            // The gate stays connected: its Last Will arrives while the hub stops, as at a Ctrl-C of run.sh.
        }
        var processes = hub.Processes.ToList();

        await hub.StopAsync();

        var errors = processes.SelectMany(p => p.Output.Select(line => $"[{p.Name}] {line}"))
            .Where(line => line.Contains("fail:") || line.Contains("crit:") || line.Contains("Unhandled exception") || line.Contains("   at "))
            .ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(20)));
    }

    [Fact]
    public async Task Residents_gate_credentials_dedup_memory_and_the_generated_admin_password_survive_a_restart()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh(adminPassword: null));
        var generated = hub.GeneratedPassword();
        Assert.False(string.IsNullOrEmpty(generated), "the first start prints the generated admin password" + Environment.NewLine + hub.Diagnostics());

        string gatePassword;
        using (var admin = hub.Http(await hub.AdminTokenAsync()))
        {
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync("restart");
            gatePassword = await provisioning.GateAsync("restart", "door");
            await provisioning.ResidentAsync("restart", "r-1", "Wang Xiuying", ["CAFE01"]);
        }
        var swipe = new { eventId = "before-restart", type = "card.swiped", at = DateTimeOffset.UtcNow, card = "CAFE01", direction = "in" };
        string firstCommandId;
        await using (var door = await GateClient.ConnectAsync(hub.Options.MqttPort, "restart", "door", gatePassword))
        {
            await door.PublishEventAsync(swipe);
            firstCommandId = (await door.NextCommandAsync()).GetProperty("commandId").GetString()!;
        }

        await hub.RestartAsync();

        Assert.Null(hub.GeneratedPassword());
        using (var admin = hub.Http(await hub.TokenAsync("admin", generated!)))
        {
            var resident = await hub.GetJsonAsync(admin, "api/sites/restart/residents/r-1");
            Assert.Equal("Wang Xiuying", resident.GetProperty("name").GetString());
            var gates = await hub.GetJsonAsync(admin, "api/sites/restart/gates");
            Assert.Equal("door", Assert.Single(gates.EnumerateArray()).GetProperty("gateId").GetString());
            using var site = await admin.GetAsync("api/sites/restart");
            Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        }
        await using (var door = await GateClient.ConnectAsync(hub.Options.MqttPort, "restart", "door", gatePassword))
        {
            await door.PublishEventAsync(swipe);
            var again = await door.NextCommandAsync();
            Assert.Equal(firstCommandId, again.GetProperty("commandId").GetString());

            await door.SwipeAsync("after-restart", "CAFE01");
            var fresh = await door.NextCommandAsync();
            Assert.Equal("after-restart", fresh.GetProperty("inReplyTo").GetString());
            Assert.Equal("granted.resident", fresh.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task An_escalation_in_progress_and_gate_health_carry_on_after_a_restart_without_any_traffic()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        var token = await hub.AdminTokenAsync();
        await using var site = await SituationSite.CreateAsync(hub, token, "restart-escalation", heartbeatSeconds: 1);
        string id;
        await using (var door = await site.DoorAsync())
        {
            await door.PublishEventAsync(SituationSite.Event("door.forced"));
            id = Assert.Single(await site.OpenSituationsAsync(), s => s.GetProperty("kind").GetString() == "door-forced").GetProperty("id").GetString()!;
        }
        await Task.Delay(TimeSpan.FromSeconds(SituationSite.CriticalSeconds + 0.5));
        var before = (await site.SituationAsync(id)).GetProperty("escalationLevel").GetInt32();
        Assert.True(before >= 1, $"escalated to level {before} before the restart");

        await hub.RestartAsync();

        // Nothing touches the site: pushes arrive only because the silo woke it.
        var newToken = await hub.AdminTokenAsync();
        await using var feed = await FeedClient.ConnectAsync(hub, newToken);
        await feed.JoinSiteAsync(site.SiteId);
        var escalated = (await feed.NextSituationAsync(v => v.GetProperty("id").GetString() == id, TimeSpan.FromSeconds(10))).View;
        Assert.True(escalated.GetProperty("escalationLevel").GetInt32() > before);
        Assert.Equal("raised", escalated.GetProperty("state").GetString());
        var offline = (await feed.NextSituationAsync(v => v.GetProperty("kind").GetString() == "gate-offline", TimeSpan.FromSeconds(10))).View;
        Assert.Equal(SituationSite.Door, offline.GetProperty("gateId").GetString());

        using var admin = hub.Http(newToken);
        var situation = await hub.GetJsonAsync(admin, $"api/situations/{id}");
        var escalations = situation.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "escalated");
        Assert.Equal(situation.GetProperty("escalationLevel").GetInt32(), escalations);
    }

    [Fact]
    public async Task A_welfare_check_that_falls_due_while_the_hub_restarts_is_still_raised()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        using (var admin = hub.Http(await hub.AdminTokenAsync()))
        {
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync("restart-welfare", new { name = "Welfare", care = new { welfareCheckSeconds = 6 } });
            using var saved = await admin.PutAsJsonAsync("api/sites/restart-welfare/residents/r-1",
                new { name = "Wang Xiuying", unit = "3-2-1201", care = new[] { "elderly", "lives-alone" } });
            saved.EnsureSuccessStatusCode();
        }

        await hub.RestartAsync();

        // Nothing touches the resident or the site: only the woken watch can raise it.
        using var again = hub.Http(await hub.AdminTokenAsync());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonElement[] open;
        do
        {
            await Task.Delay(500);
            open = (await again.GetFromJsonAsync<JsonElement[]>("api/sites/restart-welfare/situations"))!;
        }
        while (!open.Any(s => s.GetProperty("kind").GetString() == "welfare-check") && DateTime.UtcNow < deadline);
        var check = Assert.Single(open, s => s.GetProperty("kind").GetString() == "welfare-check");
        Assert.Equal("r-1", check.GetProperty("residentId").GetString());
    }
}
