namespace Ops.Contracts.Gates;

/// <summary>A validated event from a gate (docs/gate-protocol.md); only the fields its type carries are set.</summary>
[GenerateSerializer, Immutable, Alias("ops.gate-event")]
public sealed record GateEvent
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required string Type { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
    [Id(3)] public string? Card { get; init; }
    [Id(4)] public string? Plate { get; init; }
    [Id(5)] public string? Direction { get; init; }
    [Id(6)] public int? Confidence { get; init; }
    [Id(7)] public long? AmountCents { get; init; }
    [Id(8)] public string? Method { get; init; }
    [Id(9)] public int? Seconds { get; init; }
    [Id(10)] public string? Code { get; init; }
    [Id(11)] public string? Detail { get; init; }
    [Id(12)] public string? CommandId { get; init; }
    [Id(13)] public bool? Ok { get; init; }
}
