namespace Ops.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("ops.care-config")]
public sealed record CareConfig
{
    [Id(0)] public int WelfareCheckSeconds { get; init; } = 86400;
    [Id(1)] public int WelcomeBackDays { get; init; } = 7;
    [Id(2)] public int ChildEscortSeconds { get; init; } = 120;
    [Id(3)] public int CardHelpDenials { get; init; } = 3;
    [Id(4)] public int CardHelpWindowSeconds { get; init; } = 300;
}
