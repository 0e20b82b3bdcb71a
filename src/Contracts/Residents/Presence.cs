namespace Ops.Contracts.Residents;

/// <summary>Where a resident was last seen (docs/api.md <c>presence</c>).</summary>
[GenerateSerializer, Immutable, Alias("ops.presence")]
public sealed record Presence
{
    [Id(0)] public bool? Inside { get; init; }
    [Id(1)] public DateTimeOffset? LastSeenAt { get; init; }
    [Id(2)] public string? LastGateId { get; init; }
}
