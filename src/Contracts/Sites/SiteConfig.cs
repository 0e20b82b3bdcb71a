namespace Ops.Contracts.Sites;

/// <summary>A site's configuration (docs/api.md). Every property has the contract's default,
/// so a partial body keeps the defaults for what it omits.</summary>
[GenerateSerializer, Immutable, Alias("ops.site-config")]
public sealed record SiteConfig
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string TimeZone { get; init; } = "Asia/Shanghai";
    [Id(2)] public string Language { get; init; } = "zh-CN";
    [Id(3)] public ParkingConfig Parking { get; init; } = new();
    [Id(4)] public SlaConfig Sla { get; init; } = new();
    [Id(5)] public CareConfig Care { get; init; } = new();
    [Id(6)] public PedestrianConfig Pedestrian { get; init; } = new();
}
