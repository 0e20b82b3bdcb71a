namespace Ops.Contracts.Gates;

public static class GateActions
{
    public const string Open = "open";
    public const string Deny = "deny";
    public const string Display = "display";
}
