using Ops.Contracts;
using Ops.Contracts.Gates;
using Ops.Contracts.Residents;

namespace Ops.Silo.Gates;

/// <summary>The gate procedure (README), pedestrian gate, <c>card.swiped</c>.</summary>
public static class PedestrianRule
{
    /// <param name="card">The swiped card.</param>
    /// <param name="holder">The resident the site's resident directory (or, failing that, the card's grain) names for it, if any.</param>
    public static PassDecision Decide(string card, Resident? holder)
    {
        var normalised = Identifiers.NormaliseCard(card);
        if (holder is null || !holder.Cards.Any(c => Identifiers.NormaliseCard(c) == normalised))
            return new PassDecision(GateActions.Deny, Reasons.DeniedUnknownCard);
        return holder.Active
            ? new PassDecision(GateActions.Open, Reasons.GrantedResident)
            : new PassDecision(GateActions.Deny, Reasons.DeniedInactive);
    }
}
