namespace Ops.Contracts.Parking;

/// <summary>The kinds of vehicle pass of docs/api.md.</summary>
public static class PassKinds
{
    public const string Monthly = "monthly";
    public const string Owned = "owned";
    public const string Whitelist = "whitelist";
    public const string Blacklist = "blacklist";

    public static bool IsKnown(string? kind) => kind is Monthly or Owned or Whitelist or Blacklist;
}
