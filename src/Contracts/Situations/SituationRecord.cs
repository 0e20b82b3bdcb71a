namespace Ops.Contracts.Situations;

/// <summary>The response facts of one situation, as the archive keeps them for statistics and listings.</summary>
[GenerateSerializer, Immutable, Alias("ops.situation-record")]
public sealed record SituationRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public DateTimeOffset RaisedAt { get; init; }
    [Id(3)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(4)] public string? AcknowledgedBy { get; init; }
    [Id(5)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(6)] public string? ResolvedBy { get; init; }
}
