using Ops.Contracts.Residents;
using Ops.Contracts.Sites;
using Ops.Contracts.Situations;
using Orleans;
using Xunit;

namespace Ops.Silo.Tests.Residents;

/// <summary>A card's grain goes back to storage soon when idle, but not while its refusals are counting towards card help.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CardGrainTests(ClusterFixture cluster)
{
    private readonly TestSite site = new(cluster.Client);

    [Fact]
    public async Task Refusals_count_towards_card_help_across_idle_collection()
    {
        var care = new CareConfig { CardHelpDenials = 3, CardHelpWindowSeconds = 300 };
        var card = cluster.Client.GetGrain<ICardGrain>($"{site.SiteId}/99887766");
        var at = DateTimeOffset.UtcNow;
        await card.DeniedAsync("g1", at, care);
        await card.DeniedAsync("g1", at.AddSeconds(1), care);

        // What Orleans' idle collection does to every grain idle for a moment, now rather than half a minute later.
        await Task.Delay(TimeSpan.FromMilliseconds(50));
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromMilliseconds(10));
        await card.DeniedAsync("g1", at.AddSeconds(2), care);

        var open = await cluster.Client.GetGrain<ISiteSituationsGrain>(site.SiteId).ListOpenAsync();
        var help = Assert.Single(open, situation => situation.Kind == SituationKinds.CardHelp);
        Assert.Contains("7766", help.Title);
    }
}
