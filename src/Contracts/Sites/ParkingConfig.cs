namespace Ops.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("ops.parking-config")]
public sealed record ParkingConfig
{
    [Id(0)] public int Capacity { get; init; } = 200;
    [Id(1)] public bool AllowTemporary { get; init; } = true;
    [Id(2)] public int PaidGraceMinutes { get; init; } = 15;
    [Id(3)] public FeeConfig Fee { get; init; } = new();
}
