using Ops.Contracts.Gates;
using Ops.Contracts.Parking;

namespace Ops.Silo.Parking;

/// <summary>The gate procedure (README), vehicle gate, <c>plate.read</c> out: pass holders leave with their pass's
/// reason; a temporary car needs an entry record, then leaves free, paid within the grace period, or
/// not until it pays.</summary>
public static class ExitRule
{
    public sealed record Verdict(string Action, string Reason, long? FeeDueCents);

    /// <param name="stay">The open stay that began before this read, if any.</param>
    /// <param name="feeCents">The fee of the whole stay up to this read.</param>
    /// <param name="paidGrace">The site's <c>paidGraceMinutes</c>.</param>
    public static Verdict Decide(PassStanding standing, Stay? stay, long feeCents, DateTimeOffset at, TimeSpan paidGrace)
    {
        switch (standing.Kind)
        {
            case PassKinds.Blacklist:
                // Letting a blacklisted car out is what the site wants; the reason says what it is.
                return new Verdict(GateActions.Open, Reasons.DeniedBlacklist, null);
            case PassKinds.Whitelist:
                return new Verdict(GateActions.Open, Reasons.GrantedWhitelist, null);
            case PassKinds.Owned:
                return new Verdict(GateActions.Open, Reasons.GrantedOwned, null);
        }
        if (standing.MonthlyValid)
            return new Verdict(GateActions.Open, Reasons.GrantedMonthly, null);
        if (stay is null)
            return new Verdict(GateActions.Deny, Reasons.DeniedNoEntryRecord, null);
        if (feeCents == 0)
            return new Verdict(GateActions.Open, Reasons.GrantedFree, 0);
        if (stay.PaidAt is { } paidAt && paidAt <= at && at - paidAt <= paidGrace)
            return new Verdict(GateActions.Open, Reasons.GrantedPaid, Math.Max(0, feeCents - stay.PaidCents));
        var due = Math.Max(0, feeCents - stay.PaidCents);
        return due == 0
            ? new Verdict(GateActions.Open, Reasons.GrantedPaid, 0)
            : new Verdict(GateActions.Deny, Reasons.DeniedUnpaid, due);
    }
}
