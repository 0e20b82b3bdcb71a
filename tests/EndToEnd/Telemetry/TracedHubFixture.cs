using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd.Telemetry;

/// <summary>A hub of its own whose processes write their spans to files (<c>OPS_TRACE_DIR</c>): a site with one
/// pedestrian gate and one active resident.</summary>
public sealed class TracedHubFixture : IAsyncLifetime
{
    public const string SiteId = "traced";
    public const string Door = "door";
    public const string Card = "C0FFEE01";

    public Hub Hub { get; private set; } = null!;

    public string TraceDirectory { get; } = Directory.CreateTempSubdirectory("ops-e2e-traces-").FullName;

    public string AdminToken { get; private set; } = "";

    public string DoorPassword { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync(HubOptions.Fresh() with
        {
            Environment = new Dictionary<string, string> { ["OPS_TRACE_DIR"] = TraceDirectory },
        });
        AdminToken = await Hub.AdminTokenAsync();
        using var admin = Hub.Http(AdminToken);
        var provisioning = new Provisioning(admin);
        await provisioning.SiteAsync(SiteId);
        DoorPassword = await provisioning.GateAsync(SiteId, Door);
        await provisioning.ResidentAsync(SiteId, "r-traced", "Zhao Lei", [Card]);
    }

    public Task<GateClient> DoorAsync() => GateClient.ConnectAsync(Hub.Options.MqttPort, SiteId, Door, DoorPassword);

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        Directory.Delete(TraceDirectory, recursive: true);
    }
}
