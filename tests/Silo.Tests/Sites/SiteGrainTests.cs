using Ops.Contracts.Gates;
using Ops.Contracts.Sites;
using Xunit;

namespace Ops.Silo.Tests.Sites;

/// <summary>docs/api.md <c>PUT/GET /api/sites/{siteId}</c> and the site's gate list.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiteGrainTests(ClusterFixture cluster)
{
    private readonly TestSite site = new(cluster.Client);

    private static readonly SiteConfig MapleCourt = new()
    {
        Name = "Maple Court",
        TimeZone = "Europe/Berlin",
        Language = "en",
        Parking = new ParkingConfig { Capacity = 120, AllowTemporary = false },
        Sla = new SlaConfig { CriticalSeconds = 30 },
        Care = new CareConfig { CardHelpDenials = 5 },
    };

    [Fact]
    public async Task A_site_that_was_never_configured_has_no_config()
    {
        Assert.Null(await site.Site.GetConfigAsync());
    }

    [Fact]
    public async Task A_configured_site_returns_the_config_it_stored()
    {
        var returned = await site.Site.ConfigureAsync(MapleCourt);
        var stored = Assert.IsType<SiteConfig>(await site.Site.GetConfigAsync());

        foreach (var config in new[] { returned, stored })
        {
            Assert.Equal("Maple Court", config.Name);
            Assert.Equal("Europe/Berlin", config.TimeZone);
            Assert.Equal("en", config.Language);
            Assert.Equal(120, config.Parking.Capacity);
            Assert.False(config.Parking.AllowTemporary);
            Assert.Equal(30, config.Sla.CriticalSeconds);
            Assert.Equal(5, config.Care.CardHelpDenials);
        }
    }

    [Fact]
    public async Task Configuring_a_site_again_replaces_its_config()
    {
        await site.Site.ConfigureAsync(MapleCourt);

        await site.Site.ConfigureAsync(MapleCourt with { Name = "Birch Gardens", Parking = new ParkingConfig { Capacity = 80 } });

        var stored = Assert.IsType<SiteConfig>(await site.Site.GetConfigAsync());
        Assert.Equal("Birch Gardens", stored.Name);
        Assert.Equal(80, stored.Parking.Capacity);
    }

    [Fact]
    public async Task A_sites_config_is_its_own()
    {
        var elsewhere = new TestSite(cluster.Client);

        await site.Site.ConfigureAsync(MapleCourt);

        Assert.Null(await elsewhere.Site.GetConfigAsync());
    }

    [Fact]
    public async Task A_site_lists_the_gates_provisioned_in_it()
    {
        await site.ProvisionGateAsync("north");
        await site.ProvisionGateAsync("south");
        await site.ProvisionGateAsync("north");

        var gates = await site.Site.ListGatesAsync();

        Assert.Equal(["north", "south"], gates.Select(gate => gate.GateId).Order(StringComparer.Ordinal));
        Assert.All(gates, gate => Assert.Equal(site.SiteId, gate.SiteId));
    }

    [Fact]
    public async Task A_site_remembers_its_gates_after_it_was_deactivated()
    {
        await site.ProvisionGateAsync("north");
        await site.ProvisionGateAsync("south");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2C3");
        await site.SaveResidentAsync("r-2", active: true);

        await cluster.DeactivateAsync(site.Site);
        await site.ProvisionGateAsync("west");

        Assert.Equal(["north", "south", "west"], (await site.Site.ListGatesAsync()).Select(gate => gate.GateId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_site_stored_with_its_gate_list_in_its_state_still_lists_those_gates()
    {
        await site.ProvisionGateAsync("from-state");
        var older = new Orleans.GrainState<Ops.Silo.Sites.SiteState>(new Ops.Silo.Sites.SiteState());
        await cluster.Storage.ReadStateAsync("site", site.Site.GetGrainId(), older);
        older.State ??= new Ops.Silo.Sites.SiteState();
        older.State.GateIds.Add("from-state");
        await cluster.DeactivateAsync(site.Site);
        await cluster.Storage.WriteStateAsync("site", site.Site.GetGrainId(), older);
        // As an older version stored it: in the state only, not in the log.
        await cluster.Store.TrimAsync("site-gates", site.SiteId, below: long.MaxValue);

        await site.ProvisionGateAsync("north");
        await site.ProvisionGateAsync("south");
        Assert.Equal(["from-state", "north", "south"], (await site.Site.ListGatesAsync()).Select(gate => gate.GateId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_site_lists_gates_that_have_gone_idle()
    {
        await site.ProvisionGateAsync("north");
        await cluster.DeactivateAsync(site.Gate("north"));

        var gates = await site.Site.ListGatesAsync();

        Assert.Equal("north", Assert.Single(gates).GateId);
    }

    [Fact]
    public async Task A_gate_already_running_speaks_the_language_its_site_is_switched_to()
    {
        await site.ProvisionGateAsync("north");
        var before = await site.SwipeAsync("north", "DEADBEEF");

        await site.Site.ConfigureAsync(MapleCourt with { Language = "en" });
        var after = await site.SwipeAsync("north", "DEADBEEF");

        Assert.Equal(Reasons.DeniedUnknownCard, after.Reason);
        Assert.NotEqual(before.Display, after.Display);
        Assert.Contains("Card not recognised", after.Voice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconfiguring_a_site_reaches_a_gate_that_has_gone_idle()
    {
        await site.ProvisionGateAsync("north");
        await cluster.DeactivateAsync(site.Gate("north"));

        await site.Site.ConfigureAsync(MapleCourt with { Language = "en" });
        var command = await site.SwipeAsync("north", "DEADBEEF");

        Assert.Contains("Card not recognised", command.Voice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gate_that_has_gone_idle_still_answers_in_its_sites_language()
    {
        await site.Site.ConfigureAsync(MapleCourt with { Language = "en" });
        await site.ProvisionGateAsync("north");
        await cluster.DeactivateAsync(site.Gate("north"));

        var command = await site.SwipeAsync("north", "DEADBEEF");

        Assert.Contains("Card not recognised", command.Voice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gate_of_a_site_configured_in_english_speaks_english()
    {
        await site.Site.ConfigureAsync(MapleCourt with { Language = "en" });
        await site.ProvisionGateAsync("north");

        var command = await site.SwipeAsync("north", "DEADBEEF");

        Assert.Contains("Card not recognised", command.Voice, StringComparison.Ordinal);
    }
}
