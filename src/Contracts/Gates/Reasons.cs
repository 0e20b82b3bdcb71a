namespace Ops.Contracts.Gates;

/// <summary>Decision reasons of CONTRACT §3.</summary>
public static class Reasons
{
    public const string GrantedResident = "granted.resident";
    public const string DeniedUnknownCard = "denied.unknown-card";
    public const string DeniedInactive = "denied.inactive";
}
