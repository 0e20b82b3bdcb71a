using Ops.Contracts.Gates;

namespace Ops.Contracts.Wire;

/// <summary>The MQTT topics of docs/gate-protocol.md: <c>ops/v1/{siteId}/gates/{gateId}/{channel}</c>.</summary>
public static class GateTopics
{
    public const string Events = "events";
    public const string Status = "status";
    public const string Commands = "commands";
    public const string Rejects = "rejects";

    public static string For(GateAddress gate, string channel) => $"ops/v1/{gate.SiteId}/gates/{gate.GateId}/{channel}";

    public static bool TryParse(string topic, out GateAddress gate, out string channel)
    {
        gate = default;
        channel = "";
        var parts = topic.Split('/');
        if (parts is not ["ops", "v1", var siteId, "gates", var gateId, var last]
            || !Identifiers.IsSiteId(siteId) || !Identifiers.IsGateId(gateId))
            return false;
        gate = new GateAddress(siteId, gateId);
        channel = last;
        return true;
    }
}
