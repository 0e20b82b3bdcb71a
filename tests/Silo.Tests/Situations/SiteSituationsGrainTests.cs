using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Xunit;

namespace Ops.Silo.Tests.Situations;

/// <summary>The situations index of a site: ids, the archive behind listings and statistics, and the SLA it raises with.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiteSituationsGrainTests(ClusterFixture cluster)
{
    private readonly TestSite site = new(cluster.Client);

    private ISiteSituationsGrain Situations => cluster.Client.GetGrain<ISiteSituationsGrain>(site.SiteId);

    private static RaiseRequest Fault(string gateId, string severity = Severity.Major) => new()
    {
        Kind = SituationKinds.GateFault,
        Severity = severity,
        Subject = SituationKinds.GateSubject(gateId),
        Title = $"A command failed at {gateId}",
        GateId = gateId,
        At = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Situation_ids_are_never_given_twice_even_after_the_index_was_deactivated()
    {
        var first = await Situations.RaiseAsync(Fault("g1"));
        var second = await Situations.RaiseAsync(Fault("g2"));
        await cluster.DeactivateAsync(Situations);
        var third = await Situations.RaiseAsync(Fault("g3"));

        Assert.Equal($"{site.SiteId}.1", first.Id);
        Assert.Equal($"{site.SiteId}.2", second.Id);
        Assert.DoesNotContain(third.Id, new[] { first.Id, second.Id });
        Assert.StartsWith($"{site.SiteId}.", third.Id);
    }

    [Fact]
    public async Task Listings_show_each_situations_newest_state_after_the_archive_was_deactivated()
    {
        var raised = await Situations.RaiseAsync(Fault("g1"));
        await Situations.RaiseAsync(Fault("g2"));
        await Situations.AcknowledgeAsync(raised.Id, "mei", null);
        await Situations.ResolveAsync(raised.Id, "mei", "reset the gate");
        var from = DateTimeOffset.UtcNow.AddHours(-1);
        var to = DateTimeOffset.UtcNow.AddHours(1);
        await cluster.DeactivateAsync(cluster.Client.GetGrain<ISituationArchiveGrain>($"{site.SiteId}/{DateTimeOffset.UtcNow.UtcDateTime:yyyy-MM}"));

        var all = await Situations.ListAllAsync(from, to);
        var stats = await Situations.StatsAsync(from, to);

        Assert.Equal(2, all.Count);
        Assert.Equal(SituationStates.Resolved, all.Single(view => view.Id == raised.Id).State);
        var faults = Assert.Single(stats.ByKind);
        Assert.Equal((2, 1, 1), (faults.Count, faults.Acknowledged, faults.Resolved));
    }

    [Fact]
    public async Task A_changed_SLA_applies_to_the_next_situation()
    {
        await site.Site.ConfigureAsync(new SiteConfig { Name = "SLA", Sla = new SlaConfig { MajorSeconds = 3600 } });
        var before = await Situations.RaiseAsync(Fault("g1"));

        await site.Site.ConfigureAsync(new SiteConfig { Name = "SLA", Sla = new SlaConfig { MajorSeconds = 1 } });
        var after = await Situations.RaiseAsync(Fault("g2"));

        // Unacknowledged past its SLA, a situation escalates.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await EscalationAsync(after.Id)) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.True(await EscalationAsync(after.Id) > 0, "the situation raised after the SLA was shortened did not escalate");
        Assert.Equal(0, await EscalationAsync(before.Id));
    }

    private async Task<int> EscalationAsync(string id) =>
        (await cluster.Client.GetGrain<ISituationGrain>(id).GetAsync(false))!.EscalationLevel;
}
