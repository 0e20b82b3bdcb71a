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

    /// <summary>Whether the gate is a pedestrian gate (a child leaving alone is noticed only there).</summary>
    [Id(5)] public bool Pedestrian { get; init; }

    [Id(6)] public required Sites.SiteConfig Site { get; init; }
}

/// <summary>The card holder's answer: the decision's reason, and who it was.</summary>
[GenerateSerializer, Immutable, Alias("ops.card-pass-result")]
public sealed record CardPassResult
{
    [Id(0)] public required string Reason { get; init; }
    [Id(1)] public string? ResidentId { get; init; }
    [Id(2)] public string? ResidentName { get; init; }

    /// <summary>The personal touches applied (docs/gate-protocol.md <c>personal</c>): <c>birthday</c>, <c>welcome-back</c>, <c>assist</c>.</summary>
    [Id(3)] public IReadOnlyList<string> Personal { get; init; } = [];

    /// <summary>Lines to show before the usual ones, such as a birthday greeting.</summary>
    [Id(4)] public IReadOnlyList<string> Greeting { get; init; } = [];

    /// <summary>How many times the gate's usual open time the barrier stays open (2 for assistance).</summary>
    [Id(5)] public int OpenFactor { get; init; } = 1;
}
