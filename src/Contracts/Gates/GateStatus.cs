namespace Ops.Contracts.Gates;

/// <summary>A validated heartbeat or Last Will from a gate's <c>status</c> topic.</summary>
[GenerateSerializer, Immutable, Alias("ops.gate-status")]
public sealed record GateStatus
{
    [Id(0)] public required bool Online { get; init; }
    [Id(1)] public DateTimeOffset? At { get; init; }
    [Id(2)] public string? Firmware { get; init; }
}
