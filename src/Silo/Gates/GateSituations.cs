using Ops.Contracts.Gates;
using Ops.Contracts.Situations;

namespace Ops.Silo.Gates;

/// <summary>Which situations a gate's events raise and which conditions they end (docs/gate-protocol.md).</summary>
public static class GateSituations
{
    public sealed record Clearing(string Kind, string Why);

    public static RaiseRequest? RaisedBy(GateEvent gateEvent, GateView gate) => gateEvent.Type switch
    {
        EventTypes.DoorForced => Request(gate, SituationKinds.DoorForced, Severity.Critical, $"Door forced open at {gate.Name}", null, gateEvent.At),
        EventTypes.DoorHeld => Request(gate, SituationKinds.DoorHeld, Severity.Major, $"Door held open at {gate.Name}",
            gateEvent.Seconds is { } seconds ? $"open for {seconds} s" : null, gateEvent.At),
        EventTypes.Tamper => Request(gate, SituationKinds.Tamper, Severity.Critical, $"Tampering at {gate.Name}", gateEvent.Detail, gateEvent.At),
        EventTypes.Fault => Request(gate, SituationKinds.GateFault, Severity.Major, $"Fault at {gate.Name}",
            gateEvent.Detail is null ? $"code {gateEvent.Code}" : $"code {gateEvent.Code}: {gateEvent.Detail}", gateEvent.At),
        _ => null,
    };

    public static IReadOnlyList<Clearing> ClearedBy(GateEvent gateEvent) => gateEvent.Type == EventTypes.DoorClosed
        ? [new(SituationKinds.DoorHeld, "door closed"), new(SituationKinds.DoorForced, "door closed")]
        : [];

    public static RaiseRequest Offline(GateView gate, string why, DateTimeOffset at) =>
        Request(gate, SituationKinds.GateOffline, Severity.Major, $"{gate.Name} is offline", why, at);

    private static RaiseRequest Request(GateView gate, string kind, string severity, string title, string? detail, DateTimeOffset at) => new()
    {
        Kind = kind,
        Severity = severity,
        Subject = SituationKinds.GateSubject(gate.GateId),
        Title = title,
        Detail = detail,
        GateId = gate.GateId,
        At = at,
    };
}
