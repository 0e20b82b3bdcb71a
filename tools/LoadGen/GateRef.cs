namespace Ops.LoadGen;

/// <summary>One gate of the run: its index in the timestamp table and its address on the hub.</summary>
public sealed record GateRef(int Index, string SiteId, string GateId)
{
    public string Key => $"{SiteId}/{GateId}";

    public string Topic(string channel) => $"ops/v1/{SiteId}/gates/{GateId}/{channel}";
}
