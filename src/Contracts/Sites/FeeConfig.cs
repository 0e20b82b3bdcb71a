namespace Ops.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("ops.fee-config")]
public sealed record FeeConfig
{
    [Id(0)] public int FreeMinutes { get; init; } = 15;
    [Id(1)] public int FirstMinutes { get; init; } = 60;
    [Id(2)] public int FirstCents { get; init; } = 500;
    [Id(3)] public int PeriodMinutes { get; init; } = 30;
    [Id(4)] public int PeriodCents { get; init; } = 200;
    [Id(5)] public int DailyCapCents { get; init; } = 3000;
}
