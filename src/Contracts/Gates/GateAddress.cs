namespace Ops.Contracts.Gates;

/// <summary>A gate's identity across the hub: its grain key and its MQTT username are both <c>{siteId}/{gateId}</c>.</summary>
public readonly record struct GateAddress(string SiteId, string GateId)
{
    public string Key => $"{SiteId}/{GateId}";

    public static bool TryParse(string? key, out GateAddress address)
    {
        address = default;
        var slash = key?.IndexOf('/') ?? -1;
        if (key is null || slash <= 0 || slash != key.LastIndexOf('/'))
            return false;
        var siteId = key[..slash];
        var gateId = key[(slash + 1)..];
        if (!Identifiers.IsSiteId(siteId) || !Identifiers.IsGateId(gateId))
            return false;
        address = new GateAddress(siteId, gateId);
        return true;
    }

    public override string ToString() => Key;
}
