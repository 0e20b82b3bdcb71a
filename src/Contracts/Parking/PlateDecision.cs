namespace Ops.Contracts.Parking;

/// <summary>A vehicle's grain's answer: what the barrier does, why, and the driver's display and voice.
/// A payment that concerns no car waiting at the gate gets the action <c>display</c>.</summary>
[GenerateSerializer, Immutable, Alias("ops.plate-decision")]
public sealed record PlateDecision
{
    [Id(0)] public required string Action { get; init; }
    [Id(1)] public string? Reason { get; init; }
    [Id(2)] public IReadOnlyList<string> Display { get; init; } = [];
    [Id(3)] public string? Voice { get; init; }

    /// <summary>The fee in cents that the decision is about (due on exit, paid), if any.</summary>
    [Id(4)] public long? FeeCents { get; init; }
    [Id(5)] public string? ResidentId { get; init; }
}
