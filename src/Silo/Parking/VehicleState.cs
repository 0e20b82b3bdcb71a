using Ops.Contracts.Parking;

namespace Ops.Silo.Parking;

[GenerateSerializer, Alias("ops.vehicle-state")]
public sealed class VehicleState
{
    /// <summary>How many closed stays a plate keeps for its history.</summary>
    public const int RecentStays = 20;

    [Id(0)] public VehiclePass? Pass { get; set; }
    [Id(1)] public Stay? Current { get; set; }
    [Id(2)] public List<Stay> Recent { get; set; } = [];

    /// <summary>When the last stay closed: entries read before it are history, not a new stay.</summary>
    [Id(3)] public DateTimeOffset? LastExitAt { get; set; }

    /// <summary>The gate where the car was refused for not having paid, waiting for a payment there.</summary>
    [Id(4)] public string? WaitingAtGate { get; set; }

    public void Close(Stay closed)
    {
        Current = null;
        LastExitAt = closed.ExitAt;
        WaitingAtGate = null;
        Recent.Add(closed);
        if (Recent.Count > RecentStays)
            Recent.RemoveRange(0, Recent.Count - RecentStays);
    }
}
