namespace Ops.Contracts.Care;

/// <summary>One household (the residents of a unit), keyed <c>{siteId}/{unit}</c>: who went out through a
/// pedestrian gate and when, to notice a child leaving alone.</summary>
[Alias("ops.household-grain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    [Alias("went-out")]
    Task WentOutAsync(HouseholdExit exit);
}

[GenerateSerializer, Immutable, Alias("ops.household-exit")]
public sealed record HouseholdExit
{
    [Id(0)] public required string ResidentId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required bool Child { get; init; }
    [Id(3)] public required string GateId { get; init; }
    [Id(4)] public required DateTimeOffset At { get; init; }
    [Id(5)] public required int EscortSeconds { get; init; }
}
