using System.Text.Json.Serialization;

namespace Ops.Contracts.Gates;

/// <summary>A command to a gate, as published on its <c>commands</c> topic (docs/gate-protocol.md).</summary>
[GenerateSerializer, Immutable, Alias("ops.gate-command")]
public sealed record GateCommand
{
    [Id(0)] public required string CommandId { get; init; }

    [Id(1), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? InReplyTo { get; init; }

    [Id(2)] public required string Action { get; init; }
    [Id(3)] public string? Reason { get; init; }
    [Id(4)] public int? OpenSeconds { get; init; }
    [Id(5)] public IReadOnlyList<string> Display { get; init; } = [];
    [Id(6)] public string? Voice { get; init; }
    [Id(7)] public IReadOnlyList<string> Personal { get; init; } = [];
}
