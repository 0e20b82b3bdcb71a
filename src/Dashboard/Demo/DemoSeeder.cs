using System.Text.Json;
using Ops.Contracts.Gates;
using Ops.Contracts.Parking;
using Ops.Contracts.Residents;
using Ops.Contracts.Sites;
using Ops.Dashboard.Hosting;

namespace Ops.Dashboard.Demo;

/// <summary>With <c>OPS_DEMO=1</c>: seeds the site <c>demo</c> with gates and residents, and writes the
/// demo gates' MQTT credentials (new at every start) to <c>OPS_DATA_DIR/demo-gates.json</c> for the
/// simulated gates of <c>tools/Simulator</c>.</summary>
public sealed class DemoSeeder(IClusterClient cluster, DashboardSettings settings, ILogger<DemoSeeder> logger) : IHostedService
{
    public const string SiteId = "demo";
    public const string CredentialsFile = "demo-gates.json";

    private static readonly (string GateId, string Name, string Kind, string Direction, string Building)[] Gates =
    [
        ("east-door", "East pedestrian door", GateKind.Pedestrian, Direction.Both, "3"),
        ("north-door", "North pedestrian door", GateKind.Pedestrian, Direction.Both, "7"),
        ("car-in", "Car park entrance", GateKind.Vehicle, Direction.In, ""),
        ("car-out", "Car park exit", GateKind.Vehicle, Direction.Out, ""),
    ];

    private static readonly (string Plate, VehiclePass Pass)[] Passes =
    [
        ("粤B12345", new VehiclePass { Kind = PassKinds.Monthly, ValidUntil = "2099-12-31", ResidentId = "r-1002" }),
        ("粤B66666", new VehiclePass { Kind = PassKinds.Owned, ResidentId = "r-1003" }),
        ("粤A88888", new VehiclePass { Kind = PassKinds.Blacklist }),
    ];

    private static readonly Resident[] Residents =
    [
        new() { ResidentId = "r-1001", Name = "王秀英", Unit = "3-2-1201", Building = "3", Care = ["elderly", "lives-alone"], Cards = ["A1B2C3D4"] },
        new() { ResidentId = "r-1002", Name = "李明", Unit = "3-1-0502", Building = "3", Cards = ["00FF1234"], Plates = ["粤B12345"] },
        new() { ResidentId = "r-1003", Name = "Chen Jing", Unit = "7-1-0301", Building = "7", Care = ["pregnant"], Cards = ["BEEF0042"], Plates = ["粤B66666"] },
        new() { ResidentId = "r-1004", Name = "张伟", Unit = "7-2-0804", Building = "7", Cards = ["C0FFEE01"], Active = false },
    ];

    public sealed record DemoGate(string SiteId, string GateId, string Kind, string Username, string Password, IReadOnlyList<string> Cards, IReadOnlyList<string> Plates);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var site = cluster.GetGrain<ISiteGrain>(SiteId);
        if (await site.GetConfigAsync() is null)
            await site.ConfigureAsync(new SiteConfig { Name = "Maple Court (demo)" });
        foreach (var resident in Residents)
            await cluster.GetGrain<IResidentGrain>($"{SiteId}/{resident.ResidentId}").SaveAsync(resident);

        foreach (var (plate, pass) in Passes)
            await cluster.GetGrain<IVehicleGrain>($"{SiteId}/{plate}").SetPassAsync(pass);

        // Known cards and plates, plus strangers, so the feed shows grants and denials.
        var cards = Residents.SelectMany(resident => resident.Cards).Append("DEAD0001").ToList();
        var plates = Passes.Select(pass => pass.Plate).Concat(["粤C10001", "粤C10002", "粤C10003"]).ToList();
        var demoGates = new List<DemoGate>();
        foreach (var gate in Gates)
        {
            var spec = new GateSpec { Name = gate.Name, Kind = gate.Kind, Direction = gate.Direction, Building = gate.Building.Length > 0 ? gate.Building : null };
            var provisioned = await cluster.GetGrain<IGateGrain>(new GateAddress(SiteId, gate.GateId).Key)
                .ProvisionAsync(spec, rotateSecret: true);
            demoGates.Add(new DemoGate(SiteId, gate.GateId, gate.Kind, provisioned.Mqtt!.Username, provisioned.Mqtt.Password, cards, plates));
        }

        var path = Path.Combine(settings.DataDirectory, CredentialsFile);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(demoGates, JsonSerializerOptions.Web), cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogInformation("Demo site {SiteId} ready with {Gates} gates and {Residents} residents",
            SiteId, demoGates.Count, Residents.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
