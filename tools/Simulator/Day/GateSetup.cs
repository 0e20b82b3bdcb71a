namespace Ops.Simulator.Day;

/// <summary>A gate of the demo site as <c>PUT /api/sites/{siteId}/gates/{gateId}</c> provisions it.</summary>
public sealed record GateSetup(string GateId, string Name, string Kind, string Direction, string? Building, int HeartbeatSeconds)
{
    public bool IsVehicle => Kind == "vehicle";
}
