using Ops.Contracts.Gates;
using Ops.Contracts.Residents;
using Xunit;

namespace Ops.Silo.Tests.Residents;

/// <summary>docs/api.md: a card belongs to at most one active resident of a site, and invalid input changes nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ResidentGrainTests(ClusterFixture cluster)
{
    private readonly TestSite site = new(cluster.Client);

    [Fact]
    public async Task A_saved_resident_is_stored_with_its_cards_in_upper_case_once_each()
    {
        var saved = await site.SaveResidentAsync("r-1", active: true, "04a1b2", "04A1B2", "ff01");

        Assert.Null(saved.ConflictingCard);
        Assert.Null(saved.ConflictingResidentId);
        var stored = Assert.IsType<Resident>(await site.Resident("r-1").GetAsync());
        Assert.Equal("r-1", stored.ResidentId);
        Assert.Equal("Resident r-1", stored.Name);
        Assert.Equal(["04A1B2", "FF01"], stored.Cards);
        Assert.Equal(stored.Cards, saved.Resident?.Cards);
    }

    [Fact]
    public async Task A_resident_that_was_never_saved_is_not_there()
    {
        Assert.Null(await site.Resident("nobody").GetAsync());
    }

    [Fact]
    public async Task Saving_a_resident_claims_each_of_its_cards()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2", "FF01");

        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "04A1B2")).Reason);
        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "FF01")).Reason);
    }

    [Fact]
    public async Task Saving_a_resident_again_with_the_same_cards_is_no_conflict_with_itself()
    {
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        var again = await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        Assert.Null(again.ConflictingCard);
        Assert.NotNull(again.Resident);
    }

    [Fact]
    public async Task A_second_active_resident_with_a_taken_card_is_refused_and_nothing_changes()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        var refused = await site.SaveResidentAsync("r-2", active: true, "04A1B2");

        Assert.Equal("04A1B2", refused.ConflictingCard);
        Assert.Equal("r-1", refused.ConflictingResidentId);
        Assert.Null(refused.Resident);
        Assert.Null(await site.Resident("r-2").GetAsync());
        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "04A1B2")).Reason);
    }

    [Fact]
    public async Task A_taken_card_conflicts_whatever_its_case()
    {
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        var refused = await site.SaveResidentAsync("r-2", active: true, "04a1b2");

        Assert.Equal("04A1B2", refused.ConflictingCard);
    }

    [Fact]
    public async Task A_refused_update_keeps_the_residents_earlier_version()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");
        await site.SaveResidentAsync("r-2", active: true, "CC01");

        var refused = await site.Resident("r-2").SaveAsync(new Resident
        {
            ResidentId = "r-2",
            Name = "Renamed",
            Unit = "1-1-101",
            Cards = ["04A1B2"],
        });

        Assert.Equal("04A1B2", refused.ConflictingCard);
        var stored = Assert.IsType<Resident>(await site.Resident("r-2").GetAsync());
        Assert.Equal("Resident r-2", stored.Name);
        Assert.Equal(["CC01"], stored.Cards);
        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "CC01")).Reason);
    }

    [Fact]
    public async Task A_refused_save_gives_back_the_free_cards_it_took()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        await site.SaveResidentAsync("r-2", active: true, "AA01", "04A1B2");

        Assert.Equal(Reasons.DeniedUnknownCard, (await site.SwipeAsync("north", "AA01")).Reason);
        Assert.Null((await site.SaveResidentAsync("r-3", active: true, "AA01")).ConflictingCard);
    }

    [Fact]
    public async Task A_refused_save_leaves_a_card_of_an_inactive_resident_with_that_resident()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("moved-out", active: false, "BB01");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");
        Assert.Equal(Reasons.DeniedInactive, (await site.SwipeAsync("north", "BB01")).Reason);

        var refused = await site.SaveResidentAsync("r-2", active: true, "BB01", "04A1B2");

        Assert.Equal("04A1B2", refused.ConflictingCard);
        Assert.Equal(Reasons.DeniedInactive, (await site.SwipeAsync("north", "BB01")).Reason);
    }

    [Fact]
    public async Task An_inactive_resident_with_a_taken_card_is_no_conflict()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        var saved = await site.SaveResidentAsync("r-2", active: false, "04A1B2");

        Assert.Null(saved.ConflictingCard);
        Assert.Equal(["04A1B2"], Assert.IsType<Resident>(saved.Resident).Cards);
        Assert.False((await site.Resident("r-2").GetAsync())?.Active);
        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "04A1B2")).Reason);
    }

    [Fact]
    public async Task An_active_resident_may_take_the_card_of_an_inactive_one()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("moved-out", active: false, "04A1B2");

        var saved = await site.SaveResidentAsync("r-2", active: true, "04A1B2");

        Assert.Null(saved.ConflictingCard);
        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "04A1B2")).Reason);
    }

    [Fact]
    public async Task Deactivating_a_resident_denies_their_card()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        await site.SaveResidentAsync("r-1", active: false, "04A1B2");

        Assert.Equal(Reasons.DeniedInactive, (await site.SwipeAsync("north", "04A1B2")).Reason);
    }

    [Fact]
    public async Task Removing_a_card_from_a_resident_makes_it_unknown()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2", "FF01");

        await site.SaveResidentAsync("r-1", active: true, "FF01");

        Assert.Equal(Reasons.DeniedUnknownCard, (await site.SwipeAsync("north", "04A1B2")).Reason);
        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "FF01")).Reason);
    }

    [Fact]
    public async Task A_removed_card_can_be_given_to_another_resident()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");
        await site.SaveResidentAsync("r-1", active: true);

        var saved = await site.SaveResidentAsync("r-2", active: true, "04A1B2");
        var command = await site.SwipeAsync("north", "04A1B2");

        Assert.Null(saved.ConflictingCard);
        Assert.Equal(Reasons.GrantedResident, command.Reason);
    }

    [Fact]
    public async Task A_resident_updated_while_another_claims_its_card_keeps_it_without_a_deadlock()
    {
        // The race needs the holder's save to be under way when the other claim reaches the card,
        // so a few fresh sites are tried; one deadlock is enough to fail.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var racing = new TestSite(cluster.Client);
            await racing.SaveResidentAsync("holder", active: true, "0A");

            var saves = await Task.WhenAll(
                racing.SaveResidentAsync("holder", active: true, "0B", "0C", "0A"),
                racing.SaveResidentAsync("other", active: true, "0A"));

            Assert.Null(saves[0].ConflictingCard);
            Assert.Equal("0A", saves[1].ConflictingCard);
        }
    }

    [Fact]
    public async Task Many_saves_at_once_of_one_resident_or_of_one_card_are_all_answered_and_one_gets_the_card()
    {
        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => site.SaveResidentAsync("r-many", active: true, "0E0000A1")));
        Assert.All(saves, saved => Assert.NotNull(saved.Resident));

        // Each is answered, none refused by Orleans (a refused call throws here), and one of them gets the card.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => site.SaveResidentAsync($"r-claim-{n}", active: true, "0E0000B1")));
        var holder = Assert.Single(claims, saved => saved.Resident is not null).Resident!.ResidentId;
        Assert.All(claims.Where(saved => saved.Resident is null), refused =>
        {
            Assert.Equal("0E0000B1", refused.ConflictingCard);
            Assert.Equal(holder, refused.ConflictingResidentId);
        });
    }

    [Fact]
    public async Task A_claim_whose_save_is_not_written_yet_keeps_the_card_from_another_resident()
    {
        // A claim by a resident whose record does not exist yet: its save is under way, or failed a moment ago.
        var claimed = await cluster.Client.GetGrain<ICardGrain>($"{site.SiteId}/0E0000D1").ClaimAsync("r-saving");
        Assert.Equal("r-saving", claimed.Holder);

        var refused = await site.SaveResidentAsync("r-other", active: true, "0E0000D1");

        Assert.Null(refused.Resident);
        Assert.Equal("r-saving", refused.ConflictingResidentId);
    }

    [Fact]
    public async Task An_import_leaves_the_resident_and_its_card_to_storage_and_a_swipe_finds_them_again()
    {
        var imported = await cluster.Client.GetGrain<IResidentGrain>($"{site.SiteId}/r-imported").ImportAsync(new Resident
        {
            ResidentId = "r-imported", Name = "Imported", Unit = "1-1", Active = true, Cards = ["0e0000c1"],
        });
        Assert.NotNull(imported.Resident);

        Assert.Equal("r-imported", await cluster.Client.GetGrain<ICardGrain>($"{site.SiteId}/0E0000C1").GetHolderAsync());
        Assert.Equal(["0E0000C1"], (await cluster.Client.GetGrain<IResidentGrain>($"{site.SiteId}/r-imported").GetAsync())!.Cards);
    }

    [Fact]
    public async Task The_same_card_at_two_sites_belongs_to_a_resident_of_each()
    {
        var elsewhere = new TestSite(cluster.Client);
        await site.SaveResidentAsync("r-1", active: true, "04A1B2");

        var saved = await elsewhere.SaveResidentAsync("r-2", active: true, "04A1B2");

        Assert.Null(saved.ConflictingCard);
    }
}
