namespace Ops.Contracts.Parking;

/// <summary>A plate's standing at a site (body of <c>PUT /api/sites/{siteId}/vehicles/{plate}</c>).</summary>
[GenerateSerializer, Immutable, Alias("ops.vehicle-pass")]
public sealed record VehiclePass
{
    [Id(0)] public string Kind { get; init; } = "";

    /// <summary>Last day a monthly pass is valid (inclusive), <c>YYYY-MM-DD</c> in the site's time zone.</summary>
    [Id(1)] public string? ValidUntil { get; init; }

    [Id(2)] public string? ResidentId { get; init; }
}
