namespace Ops.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("ops.sla-config")]
public sealed record SlaConfig
{
    [Id(0)] public int CriticalSeconds { get; init; } = 60;
    [Id(1)] public int MajorSeconds { get; init; } = 300;
    [Id(2)] public int MinorSeconds { get; init; } = 900;
}
