namespace Ops.Contracts.Residents;

/// <summary>A card swiped at a gate, as the gate asks the card holder's grain about it.</summary>
[GenerateSerializer, Immutable, Alias("ops.card-pass")]
public sealed record CardPass
{
    [Id(0)] public required string Card { get; init; }
    [Id(1)] public required string GateId { get; init; }
    [Id(2)] public required string Direction { get; init; }
    [Id(3)] public required DateTimeOffset At { get; init; }

    /// <summary>The site's <c>pedestrian.softAntiPassback</c>: entering twice is allowed but noticed.</summary>
    [Id(4)] public bool SoftAntiPassback { get; init; }
}

/// <summary>The card holder's answer: the decision's reason, and who it was.</summary>
[GenerateSerializer, Immutable, Alias("ops.card-pass-result")]
public sealed record CardPassResult
{
    [Id(0)] public required string Reason { get; init; }
    [Id(1)] public string? ResidentId { get; init; }
    [Id(2)] public string? ResidentName { get; init; }
}
