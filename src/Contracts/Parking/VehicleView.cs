namespace Ops.Contracts.Parking;

/// <summary>A plate at a site: its pass, whether it is inside, and its recent stays.</summary>
[GenerateSerializer, Immutable, Alias("ops.vehicle-view")]
public sealed record VehicleView
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public required string Plate { get; init; }
    [Id(2)] public VehiclePass? Pass { get; init; }
    [Id(3)] public bool Inside { get; init; }
    [Id(4)] public Stay? CurrentStay { get; init; }
    [Id(5)] public IReadOnlyList<Stay> RecentStays { get; init; } = [];
}
