using Ops.EndToEnd.Infrastructure;
using Xunit;

namespace Ops.EndToEnd;

/// <summary>The whole hub with its state in PostgreSQL (<c>OPS_POSTGRES</c>) instead of the embedded SQLite file.</summary>
public sealed class PostgresHubTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_hub_on_PostgreSQL_decides_and_after_a_crash_answers_a_redelivery_with_the_same_command()
    {
        var options = HubOptions.Fresh() with
        {
            Environment = new Dictionary<string, string> { ["OPS_POSTGRES"] = postgres.ConnectionString() },
        };
        await using var hub = await Hub.StartAsync(options);
        string gatePassword;
        using (var admin = hub.Http(await hub.AdminTokenAsync()))
        {
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync("pg");
            gatePassword = await provisioning.GateAsync("pg", "door");
            await provisioning.ResidentAsync("pg", "r-1", "Wang Xiuying", ["CAFE0A"]);
        }
        var swipe = new { eventId = "before-crash", type = "card.swiped", at = DateTimeOffset.UtcNow, card = "CAFE0A", direction = "in" };
        string firstCommandId;
        await using (var door = await GateClient.ConnectAsync(hub.Options.MqttPort, "pg", "door", gatePassword))
        {
            await door.PublishEventAsync(swipe);
            var first = await door.NextCommandAsync();
            Assert.Equal("granted.resident", first.GetProperty("reason").GetString());
            firstCommandId = first.GetProperty("commandId").GetString()!;
        }

        await hub.CrashAndStartAsync();

        await using (var door = await GateClient.ConnectAsync(hub.Options.MqttPort, "pg", "door", gatePassword))
        {
            await door.PublishEventAsync(swipe);
            Assert.Equal(firstCommandId, (await door.NextCommandAsync()).GetProperty("commandId").GetString());
        }
        using var again = hub.Http(await hub.AdminTokenAsync());
        var resident = await hub.GetJsonAsync(again, "api/sites/pg/residents/r-1");
        Assert.Equal("Wang Xiuying", resident.GetProperty("name").GetString());
        Assert.False(File.Exists(Path.Combine(options.DataDirectory, "ops.db")), "the hub on PostgreSQL made an SQLite file too");
    }
}
