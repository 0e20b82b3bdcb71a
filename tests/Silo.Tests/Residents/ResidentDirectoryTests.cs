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

        var listed = (await ResidentDirectory.LoadAsync(cluster.Client, site.SiteId));

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

        Assert.Equal(["r-1", "r-2"], (await ResidentDirectory.LoadAsync(cluster.Client, site.SiteId)).Select(resident => resident.ResidentId));
        Assert.Equal(["r-9"], (await ResidentDirectory.LoadAsync(cluster.Client, longer)).Select(resident => resident.ResidentId));
    }

    [Fact]
    public async Task A_save_after_a_listing_of_the_whole_site_is_in_the_next_one()
    {
        await site.SaveResidentAsync("r-1", active: true);
        Assert.Equal(["r-1"], (await ResidentDirectory.LoadAsync(cluster.Client, site.SiteId)).Select(resident => resident.ResidentId));

        await site.SaveResidentAsync("r-2", active: true);
        await site.SaveResidentAsync("r-1", active: false);
        var listed = await ResidentDirectory.LoadAsync(cluster.Client, site.SiteId);

        Assert.Equal(["r-1", "r-2"], listed.Select(resident => resident.ResidentId));
        Assert.False(listed[0].Active);
    }

    [Fact]
    public async Task A_card_is_named_for_its_active_resident_only_also_after_a_restart()
    {
        var directory = Directory(site.SiteId);
        await site.SaveResidentAsync("r-1", active: true, "0D0000C1");
        Assert.Equal("r-1", await directory.HolderOfCardAsync("0D0000C1"));

        await site.SaveResidentAsync("r-1", active: false, "0D0000C1");
        Assert.Null(await directory.HolderOfCardAsync("0D0000C1"));
        await site.SaveResidentAsync("r-2", active: true, "0D0000C1", "0D0000C2");
        Assert.Equal("r-2", await directory.HolderOfCardAsync("0D0000C1"));
        await cluster.DeactivateAsync(directory);
        Assert.Equal("r-2", await directory.HolderOfCardAsync("0D0000C1"));

        await site.SaveResidentAsync("r-2", active: true, "0D0000C2");
        Assert.Null(await directory.HolderOfCardAsync("0D0000C1"));
        Assert.Equal("r-2", await directory.HolderOfCardAsync("0D0000C2"));
        Assert.Null(await directory.HolderOfCardAsync("0D0000C9"));
    }

    [Fact]
    public async Task A_search_finds_by_card()
    {
        await site.SaveResidentAsync("r-1", active: true, "0C0000A1");
        await site.SaveResidentAsync("r-2", active: true, "0C0000B2");

        Assert.Equal(["r-2"], (await ResidentDirectory.LoadAsync(cluster.Client, site.SiteId, "b2")).Select(resident => resident.ResidentId));
    }

    [Fact]
    public async Task A_site_larger_than_a_pack_arrives_whole_and_in_order_and_a_save_during_a_search_leaves_it_as_it_began()
    {
        var count = IResidentDirectoryGrain.PackSize * 2 + 1;
        await SaveResidentsAsync(count);

        var listed = new List<string>();
        await foreach (var resident in ResidentDirectory.SearchAsync(cluster.Client, site.SiteId, null))
        {
            listed.Add(resident.ResidentId);
            if (listed.Count == 1)
                await site.SaveResidentAsync("r-late", active: true);
        }

        Assert.Equal(Enumerable.Range(0, count).Select(n => $"r-{n:D5}"), listed);
        Assert.Contains("r-late", (await ResidentDirectory.LoadAsync(cluster.Client, site.SiteId)).Select(resident => resident.ResidentId));
    }

    [Fact]
    public async Task A_reader_that_stops_after_the_first_resident_leaves_the_directory_answering()
    {
        await SaveResidentsAsync(IResidentDirectoryGrain.PackSize + 100);

        await foreach (var _ in ResidentDirectory.SearchAsync(cluster.Client, site.SiteId, null))
            break;

        Assert.Equal(IResidentDirectoryGrain.PackSize + 100, (await ResidentDirectory.LoadAsync(cluster.Client, site.SiteId)).Count);
    }

    /// <summary>Residents r-00000, r-00001, ... of the site, 200 saves at a time.</summary>
    private async Task SaveResidentsAsync(int count)
    {
        for (var start = 0; start < count; start += 200)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(200, count - start)).Select(n =>
                cluster.Client.GetGrain<IResidentGrain>($"{site.SiteId}/r-{n:D5}").SaveAsync(new Resident
                {
                    ResidentId = $"r-{n:D5}", Name = $"Resident {n}", Unit = "1-1", Active = true,
                })));
        }
    }
}
