namespace Ops.Contracts.Gates;

/// <summary>Decision reasons of docs/gate-protocol.md.</summary>
public static class Reasons
{
    public const string GrantedResident = "granted.resident";
    public const string GrantedMonthly = "granted.monthly";
    public const string GrantedOwned = "granted.owned";
    public const string GrantedWhitelist = "granted.whitelist";
    public const string GrantedTemporary = "granted.temporary";
    public const string GrantedPaid = "granted.paid";
    public const string GrantedFree = "granted.free";
    public const string GrantedOperator = "granted.operator";
    public const string DeniedUnknownCard = "denied.unknown-card";
    public const string DeniedInactive = "denied.inactive";
    public const string DeniedBlacklist = "denied.blacklist";
    public const string DeniedAlreadyInside = "denied.already-inside";
    public const string DeniedFull = "denied.full";
    public const string DeniedNoTemporary = "denied.no-temporary";
    public const string DeniedUnpaid = "denied.unpaid";
    public const string DeniedNoEntryRecord = "denied.no-entry-record";
}
