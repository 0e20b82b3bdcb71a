using System.Text.Json;
using Ops.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace Ops.EndToEnd;

/// <summary>The demo of run.sh: a hub with <c>OPS_DEMO=1</c>, the simulator seeding the site over the HTTP
/// API and playing a community's compressed day over MQTT, watched by a control-room SignalR client.</summary>
public sealed class DemoDayTests(ITestOutputHelper output)
{
    private const string Site = "demo";
    private const string Day = "60s";
    private static readonly TimeSpan WithinReady = TimeSpan.FromMinutes(2);

    private sealed record Moment(string Name, Func<IReadOnlyList<JsonElement>, IReadOnlyList<JsonElement>, bool> Seen);

    private static readonly Moment[] Moments =
    [
        new("morning rush (residents and cars leaving)", (_, events) =>
            events.Count(e => Is(e, "reason", "granted.resident") && Is(e, "direction", "out")) >= 20
            && events.Count(e => Is(e, "type", "plate.read") && Is(e, "direction", "out") && Is(e, "action", "open")) >= 5),
        new("birthday greeting", (situations, _) => situations.Any(s => Is(s, "kind", "birthday") && Is(s, "gateId", "east-door"))),
        new("wheelchair user at the gate", (situations, _) => situations.Any(s => Is(s, "kind", "assist") && Is(s, "gateId", "south-door"))),
        new("child leaving alone", (situations, _) => situations.Any(s => Is(s, "kind", "child-alone") && Is(s, "gateId", "north-door"))),
        new("door held open", (situations, _) => situations.Any(s => Is(s, "kind", "door-held") && Is(s, "gateId", "north-door"))),
        new("gate going offline", (situations, _) => situations.Any(s => Is(s, "kind", "gate-offline") && Is(s, "gateId", "garden-gate"))),
        new("gate back online", (situations, _) => situations.Any(s => Is(s, "kind", "gate-offline") && Is(s, "gateId", "garden-gate")
            && !s.GetProperty("active").GetBoolean())),
        new("water outage care list", (situations, _) => situations
            .Where(s => Is(s, "kind", "incident-care") && s.GetProperty("unit").GetString()!.StartsWith("5-", StringComparison.Ordinal))
            .Select(s => s.GetProperty("unit").GetString()).Distinct().Count() >= 4),
        new("visitor asked to pay at the exit", (_, events) => events.Any(e => Is(e, "gateId", "car-out") && Is(e, "reason", "denied.unpaid")
            && e.GetProperty("amountCents").GetInt32() == 500)),
        new("visitor paid and let out", (_, events) => events.Any(e => Is(e, "gateId", "car-out") && Is(e, "type", "payment.completed")
            && Is(e, "reason", "granted.paid"))),
        new("welfare check of the resident not seen", (situations, _) => situations.Any(s => Is(s, "kind", "welfare-check") && Is(s, "unit", "3-2-1201"))),
    ];

    [Fact]
    public async Task Every_moment_of_the_demo_day_reaches_the_control_room_within_two_minutes_and_stopping_the_gates_raises_nothing()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh() with { Environment = new Dictionary<string, string> { ["OPS_DEMO"] = "1" } });
        var ready = DateTime.UtcNow;
        var simulator = Repository.Dll("tools/Simulator", "Ops.Simulator");
        await using var feed = await FeedClient.ConnectAsync(hub, await hub.AdminTokenAsync());

        // As run.sh does it: seed the site, then play the day on it.
        await using (var seed = HubProcess.Start("seed", simulator, Repository.Root, hub.ProcessEnvironment(), "seed", "--day", Day))
        {
            Assert.True(await seed.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, seed.Tail());
            output.WriteLine($"seeded {(DateTime.UtcNow - ready).TotalSeconds:0} s after ready: {string.Join(" ", seed.Output)}");
        }
        await feed.JoinSiteAsync(Site);
        var gates = HubProcess.Start("demo", simulator, Repository.Root, hub.ProcessEnvironment(), "run", "--no-seed", "--day", Day, "--rate", "1");
        await using var stopGates = gates;

        var situations = new List<JsonElement>();
        var events = new List<JsonElement>();
        var seenAt = new Dictionary<string, TimeSpan>();
        while (seenAt.Count < Moments.Length && DateTime.UtcNow - ready < WithinReady && !gates.HasExited)
        {
            var pushed = feed.CollectSituationsAsync(TimeSpan.FromSeconds(1));
            var entries = feed.CollectAsync(TimeSpan.FromSeconds(1));
            situations.AddRange(await pushed);
            events.AddRange(await entries);
            foreach (var moment in Moments.Where(m => !seenAt.ContainsKey(m.Name) && m.Seen(situations, events)))
                seenAt[moment.Name] = DateTime.UtcNow - ready;
        }
        foreach (var moment in Moments)
            output.WriteLine($"{moment.Name}: {(seenAt.TryGetValue(moment.Name, out var at) ? $"{at.TotalSeconds:0} s after ready" : "not seen")}");
        var missing = Moments.Where(m => !seenAt.ContainsKey(m.Name)).Select(m => m.Name).ToList();
        Assert.True(missing.Count == 0, $"Not seen within {WithinReady.TotalSeconds} s of ready: {string.Join(", ", missing)}"
            + $"{Environment.NewLine}{gates.Tail(60)}{Environment.NewLine}{hub.Diagnostics()}");
        Assert.DoesNotContain(situations, s => Is(s, "kind", "flood-summary"));

        // Stopping the simulator (SIGTERM, as run.sh does) disconnects its gates cleanly: no Last Will, no gate-offline.
        await gates.StopAsync();
        Assert.Contains(gates.Output, line => line.Contains("the gates disconnected cleanly", StringComparison.Ordinal));
        var afterStop = await feed.CollectSituationsAsync(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(afterStop, s => Is(s, "kind", "gate-offline") && Is(s, "state", "raised") && s.GetProperty("active").GetBoolean());
        using var admin = hub.Http(await hub.AdminTokenAsync());
        var open = await hub.GetJsonAsync(admin, $"api/sites/{Site}/situations?state=open");
        Assert.Equal(["garden-gate"], open.EnumerateArray().Where(s => Is(s, "kind", "gate-offline")).Select(s => s.GetProperty("gateId").GetString()));
    }

    private static bool Is(JsonElement element, string property, string value) =>
        element.TryGetProperty(property, out var actual) && actual.ValueKind == JsonValueKind.String && actual.GetString() == value;
}
