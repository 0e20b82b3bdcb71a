using Ops.Contracts.Gates;
using Ops.Contracts.Residents;
using Xunit;

namespace Ops.Silo.Tests.Residents;

/// <summary>docs/api.md: a plate, like a card, belongs to at most one active resident of a site.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ResidentPlateTests(ClusterFixture cluster)
{
    private readonly TestSite site = new(cluster.Client);

    [Fact]
    public async Task A_saved_resident_is_stored_with_its_plates_normalised_once_each()
    {
        var saved = await SaveAsync("r-1", active: true, plates: ["粤b 12345", "粤B-12345", "ab 99"]);

        Assert.Equal(["粤B12345", "AB99"], Assert.IsType<Resident>(saved.Resident).Plates);
        Assert.Equal(["粤B12345", "AB99"], Assert.IsType<Resident>(await site.Resident("r-1").GetAsync()).Plates);
    }

    [Fact]
    public async Task A_second_active_resident_with_a_taken_plate_is_refused_naming_the_plate()
    {
        await SaveAsync("r-1", active: true, plates: ["粤B12345"]);

        var refused = await SaveAsync("r-2", active: true, plates: ["粤b-12345"]);

        Assert.Null(refused.Resident);
        Assert.Equal("粤B12345", refused.ConflictingPlate);
        Assert.Null(refused.ConflictingCard);
        Assert.Equal("r-1", refused.ConflictingResidentId);
        Assert.Null(await site.Resident("r-2").GetAsync());
    }

    [Fact]
    public async Task A_refused_plate_gives_back_the_cards_and_plates_the_save_took()
    {
        await site.ProvisionGateAsync("north");
        await SaveAsync("r-1", active: true, plates: ["B2"]);

        var refused = await SaveAsync("r-2", active: true, cards: ["AA01"], plates: ["A1", "B2"]);

        Assert.Equal("B2", refused.ConflictingPlate);
        Assert.Equal(Reasons.DeniedUnknownCard, (await site.SwipeAsync("north", "AA01")).Reason);
        var other = await SaveAsync("r-3", active: true, cards: ["AA01"], plates: ["A1"]);
        Assert.NotNull(other.Resident);
    }

    [Fact]
    public async Task A_refused_update_keeps_the_residents_earlier_plates()
    {
        await SaveAsync("r-1", active: true, plates: ["B2"]);
        await SaveAsync("r-2", active: true, plates: ["C3"]);

        var refused = await SaveAsync("r-2", active: true, plates: ["D4", "B2"]);

        Assert.Equal("B2", refused.ConflictingPlate);
        Assert.Equal(["C3"], Assert.IsType<Resident>(await site.Resident("r-2").GetAsync()).Plates);
        Assert.Equal("r-2", (await SaveAsync("r-3", active: true, plates: ["C3"])).ConflictingResidentId);
        Assert.NotNull((await SaveAsync("r-4", active: true, plates: ["D4"])).Resident);
    }

    [Fact]
    public async Task A_card_conflict_is_reported_as_a_card_not_a_plate()
    {
        await SaveAsync("r-1", active: true, cards: ["0A"], plates: ["B2"]);

        var refused = await SaveAsync("r-2", active: true, cards: ["0A"], plates: ["B2"]);

        Assert.Equal("0A", refused.ConflictingCard);
        Assert.Null(refused.ConflictingPlate);
    }

    [Fact]
    public async Task An_inactive_resident_with_a_taken_plate_is_no_conflict()
    {
        await SaveAsync("r-1", active: true, plates: ["B2"]);

        var saved = await SaveAsync("r-2", active: false, plates: ["B2"]);

        Assert.Equal(["B2"], Assert.IsType<Resident>(saved.Resident).Plates);
        Assert.Equal("r-1", (await SaveAsync("r-3", active: true, plates: ["B2"])).ConflictingResidentId);
    }

    [Fact]
    public async Task An_active_resident_may_take_the_plate_of_an_inactive_one()
    {
        await SaveAsync("moved-out", active: false, plates: ["B2"]);

        var saved = await SaveAsync("r-2", active: true, plates: ["B2"]);

        Assert.Null(saved.ConflictingPlate);
        Assert.Equal("r-2", (await SaveAsync("r-3", active: true, plates: ["B2"])).ConflictingResidentId);
    }

    [Fact]
    public async Task A_removed_plate_can_be_given_to_another_resident()
    {
        await SaveAsync("r-1", active: true, plates: ["B2", "C3"]);
        await SaveAsync("r-1", active: true, plates: ["C3"]);

        var saved = await SaveAsync("r-2", active: true, plates: ["B2"]);

        Assert.Null(saved.ConflictingPlate);
        Assert.NotNull(saved.Resident);
    }

    private Task<ResidentSaved> SaveAsync(string residentId, bool active, string[]? cards = null, string[]? plates = null) =>
        site.Resident(residentId).SaveAsync(new Resident
        {
            ResidentId = residentId,
            Name = $"Resident {residentId}",
            Unit = "3-2-1201",
            Cards = cards ?? [],
            Plates = plates ?? [],
            Active = active,
        });
}
