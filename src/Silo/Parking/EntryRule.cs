using Ops.Contracts.Gates;
using Ops.Contracts.Parking;

namespace Ops.Silo.Parking;

/// <summary>The gate procedure (README), vehicle gate, <c>plate.read</c> in, in this order: blacklist, whitelist,
/// already inside, owned, valid monthly, then the temporary-car rules.</summary>
public static class EntryRule
{
    /// <param name="standing">The plate's pass on the event's date.</param>
    /// <param name="inside">Whether the plate has an open stay that began before this read.</param>
    /// <param name="allowTemporary">The site's <c>parking.allowTemporary</c>.</param>
    /// <param name="hasRoom">Whether a temporary car fits (asked only when the rule reaches it).</param>
    public static async Task<string> DecideAsync(PassStanding standing, bool inside, bool allowTemporary, Func<Task<bool>> hasRoom)
    {
        if (standing.Kind == PassKinds.Blacklist)
            return Reasons.DeniedBlacklist;
        if (standing.Kind == PassKinds.Whitelist)
            return Reasons.GrantedWhitelist;
        if (inside)
            return Reasons.DeniedAlreadyInside;
        if (standing.Kind == PassKinds.Owned)
            return Reasons.GrantedOwned;
        if (standing.MonthlyValid)
            return Reasons.GrantedMonthly;
        if (!allowTemporary)
            return Reasons.DeniedNoTemporary;
        return await hasRoom() ? Reasons.GrantedTemporary : Reasons.DeniedFull;
    }
}
