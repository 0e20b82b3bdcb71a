using Ops.Contracts.Residents;
using Xunit;

namespace Ops.Silo.Tests.Residents;

[Collection(ClusterCollection.Name)]
public sealed class ResidentDirectoryTests(ClusterFixture cluster)
{
    private readonly TestSite site = new(cluster.Client);

    private IResidentDirectoryGrain Directory(string siteId) => cluster.Client.GetGrain<IResidentDirectoryGrain>(siteId);

    [Fact]
    public async Task Lists_every_saved_resident_once_in_id_order_with_the_latest_save()
    {
        await site.SaveResidentAsync("r-2", active: true, "0A000002");
        await site.SaveResidentAsync("r-1", active: false);
        await site.SaveResidentAsync("r-2", active: false, "0A000002");

        var listed = await Directory(site.SiteId).SearchAsync(null);

        Assert.Equal(["r-1", "r-2"], listed.Select(resident => resident.ResidentId));
        Assert.False(listed[1].Active);
    }

    [Fact]
    public async Task Reads_the_residents_back_from_the_store_after_it_was_deactivated_and_no_other_site()
    {
        var neighbour = new TestSite(cluster.Client);
        await site.SaveResidentAsync("r-1", active: true, "0B000001");
        await site.SaveResidentAsync("r-2", active: true, "0B000002");
        // A site whose id starts with this one's: its residents' keys share the beginning up to the slash.
        var longer = site.SiteId + "x";
        await cluster.Client.GetGrain<IResidentGrain>($"{longer}/r-9").SaveAsync(new Resident
        {
            ResidentId = "r-9", Name = "Someone else", Unit = "9-9", Active = true,
        });
        await neighbour.SaveResidentAsync("r-3", active: true);

        await cluster.DeactivateAsync(Directory(site.SiteId));

        Assert.Equal(["r-1", "r-2"], (await Directory(site.SiteId).SearchAsync(null)).Select(resident => resident.ResidentId));
        Assert.Equal(["r-9"], (await Directory(longer).SearchAsync(null)).Select(resident => resident.ResidentId));
    }

    [Fact]
    public async Task A_search_finds_by_card()
    {
        await site.SaveResidentAsync("r-1", active: true, "0C0000A1");
        await site.SaveResidentAsync("r-2", active: true, "0C0000B2");

        Assert.Equal(["r-2"], (await Directory(site.SiteId).SearchAsync("b2")).Select(resident => resident.ResidentId));
    }
}
