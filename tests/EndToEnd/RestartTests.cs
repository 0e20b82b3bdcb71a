using System.Net;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>A hub of its own, restarted as a whole on the same data directory.</summary>
public sealed class RestartTests
{
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
}
