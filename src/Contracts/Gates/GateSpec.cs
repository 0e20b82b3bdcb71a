namespace Ops.Contracts.Gates;

/// <summary>A gate as an admin provisions it (body of <c>PUT .../gates/{gateId}</c>).</summary>
[GenerateSerializer, Immutable, Alias("ops.gate-spec")]
public sealed record GateSpec
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string Kind { get; init; } = "";
    [Id(2)] public string Direction { get; init; } = "";
    [Id(3)] public string? Building { get; init; }
    [Id(4)] public int HeartbeatSeconds { get; init; } = 30;
    [Id(5)] public int OpenSeconds { get; init; } = 5;
}
