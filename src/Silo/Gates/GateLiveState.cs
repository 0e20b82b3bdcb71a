using Ops.Contracts.Gates;

namespace Ops.Silo.Gates;

/// <summary>What a gate's grain knows of the gate right now; kept in memory, learnt again after a restart.</summary>
public sealed record GateLiveState
{
    public bool Online { get; init; }
    public bool OfflineReported { get; init; }
    public DateTimeOffset LastSeen { get; init; }
    public DateTimeOffset? LastEventAt { get; init; }
    public string? Door { get; init; }
    public string? Barrier { get; init; }

    /// <summary>How far the gate's clock is behind the hub's, from its last heartbeat with a time.</summary>
    public TimeSpan ClockOffset { get; init; }

    public GateLiveState Observe(GateEvent gateEvent) => this with
    {
        LastEventAt = LastEventAt is { } last && last > gateEvent.At ? last : gateEvent.At,
        Door = gateEvent.Type switch
        {
            EventTypes.DoorOpened => "open",
            EventTypes.DoorClosed => "closed",
            EventTypes.DoorForced => "forced",
            EventTypes.DoorHeld => "held",
            _ => Door,
        },
        Barrier = gateEvent.Type switch
        {
            EventTypes.BarrierOpened => "open",
            EventTypes.BarrierClosed => "closed",
            _ => Barrier,
        },
    };
}
