using Ops.Contracts.Sites;

namespace Ops.Contracts.Parking;

/// <summary>What a gate tells a vehicle's grain about a plate read or a payment at it.</summary>
[GenerateSerializer, Immutable, Alias("ops.plate-read")]
public sealed record PlateRead
{
    [Id(0)] public required string GateId { get; init; }
    [Id(1)] public required string EventId { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary><c>in</c> or <c>out</c>; unused for payments.</summary>
    [Id(3)] public string Direction { get; init; } = "";

    [Id(4)] public long AmountCents { get; init; }
    [Id(5)] public required SiteConfig Site { get; init; }
}
