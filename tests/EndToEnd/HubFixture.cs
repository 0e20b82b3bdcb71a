using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>One running hub shared by the tests of <see cref="HubCollection"/>: a site with two
/// pedestrian gates, an active and an inactive resident.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public const string SiteId = "e2e";
    public const string Door1 = "door-1";
    public const string Door2 = "door-2";
    public const string ActiveCard = "aa0001";
    public const string InactiveCard = "BB0002";
    public const int OpenSeconds = 7;

    public Hub Hub { get; private set; } = null!;

    public string AdminToken { get; private set; } = "";

    public string Door1Password { get; private set; } = "";

    public string Door2Password { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync(HubOptions.Fresh());
        AdminToken = await Hub.AdminTokenAsync();
        using var admin = Hub.Http(AdminToken);
        var provisioning = new Provisioning(admin);
        await provisioning.SiteAsync(SiteId);
        Door1Password = await provisioning.GateAsync(SiteId, Door1, openSeconds: OpenSeconds);
        Door2Password = await provisioning.GateAsync(SiteId, Door2);
        await provisioning.ResidentAsync(SiteId, "r-active", "Wang Xiuying", [ActiveCard]);
        await provisioning.ResidentAsync(SiteId, "r-inactive", "Li Ming", [InactiveCard], active: false);
    }

    public Task<GateClient> Door1Async() => GateClient.ConnectAsync(Hub.Options.MqttPort, SiteId, Door1, Door1Password);

    public Task<GateClient> Door2Async() => GateClient.ConnectAsync(Hub.Options.MqttPort, SiteId, Door2, Door2Password);

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "hub";
}
