using Ops.Contracts.Gates;
using Ops.Contracts.Residents;
using Ops.Silo.Gates;
using Xunit;

namespace Ops.Silo.Tests.Gates;

/// <summary>The gate procedure (README), pedestrian gate, <c>card.swiped</c>.</summary>
public sealed class PedestrianRuleTests
{
    private static Resident Holder(bool active, params string[] cards) => new()
    {
        ResidentId = "r-1",
        Name = "Li Wei",
        Unit = "3-2-1201",
        Cards = cards,
        Active = active,
    };

    [Fact]
    public void The_card_of_an_active_resident_opens_the_gate()
    {
        var decision = PedestrianRule.Decide("04A1B2", Holder(active: true, "04A1B2"));

        Assert.Equal(GateActions.Open, decision.Action);
        Assert.Equal(Reasons.GrantedResident, decision.Reason);
    }

    [Fact]
    public void A_card_nobody_holds_is_denied_as_unknown()
    {
        var decision = PedestrianRule.Decide("04A1B2", holder: null);

        Assert.Equal(GateActions.Deny, decision.Action);
        Assert.Equal(Reasons.DeniedUnknownCard, decision.Reason);
    }

    [Fact]
    public void A_card_its_holder_no_longer_lists_is_denied_as_unknown()
    {
        var decision = PedestrianRule.Decide("04A1B2", Holder(active: true, "FFFF01"));

        Assert.Equal(GateActions.Deny, decision.Action);
        Assert.Equal(Reasons.DeniedUnknownCard, decision.Reason);
    }

    [Fact]
    public void A_card_of_a_holder_without_cards_is_denied_as_unknown()
    {
        Assert.Equal(Reasons.DeniedUnknownCard, PedestrianRule.Decide("04A1B2", Holder(active: true)).Reason);
    }

    [Fact]
    public void A_card_of_an_inactive_resident_is_denied()
    {
        var decision = PedestrianRule.Decide("04A1B2", Holder(active: false, "04A1B2"));

        Assert.Equal(GateActions.Deny, decision.Action);
        Assert.Equal(Reasons.DeniedInactive, decision.Reason);
    }

    [Fact]
    public void A_card_an_inactive_resident_no_longer_lists_is_unknown_rather_than_inactive()
    {
        Assert.Equal(Reasons.DeniedUnknownCard, PedestrianRule.Decide("04A1B2", Holder(active: false, "FFFF01")).Reason);
    }

    [Theory]
    [InlineData("04a1b2", "04A1B2")]
    [InlineData("04A1B2", "04a1b2")]
    [InlineData("04a1B2", "04A1b2")]
    public void Cards_match_whatever_their_case(string swiped, string listed)
    {
        var decision = PedestrianRule.Decide(swiped, Holder(active: true, "0000", listed));

        Assert.Equal(GateActions.Open, decision.Action);
        Assert.Equal(Reasons.GrantedResident, decision.Reason);
    }

    [Fact]
    public void A_card_that_only_starts_like_a_listed_card_is_unknown()
    {
        Assert.Equal(Reasons.DeniedUnknownCard, PedestrianRule.Decide("04A1", Holder(active: true, "04A1B2")).Reason);
    }
}
