namespace Ops.Contracts.Gates;

/// <summary>A gate as screens see it (docs/api.md, live updates <c>GateView</c>), plus its provisioning.</summary>
[GenerateSerializer, Immutable, Alias("ops.gate-view")]
public sealed record GateView
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public required string GateId { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public required string Kind { get; init; }
    [Id(4)] public required string Direction { get; init; }
    [Id(5)] public string? Building { get; init; }
    [Id(6)] public int HeartbeatSeconds { get; init; }
    [Id(7)] public int OpenSeconds { get; init; }
    [Id(8)] public bool Online { get; init; }
    [Id(9)] public string? Barrier { get; init; }
    [Id(10)] public string? Door { get; init; }
    [Id(11)] public DateTimeOffset? LastEventAt { get; init; }
}
