namespace Ops.Contracts.Situations;

/// <summary>What a producer (a gate, a care rule, an operator) reports. <see cref="Subject"/> is the
/// deduplication subject: while a situation of the same kind and subject is unresolved, a repeat
/// counts on it instead of raising another.</summary>
[GenerateSerializer, Immutable, Alias("ops.raise-request")]
public sealed record RaiseRequest
{
    [Id(0)] public required string Kind { get; init; }
    [Id(1)] public required string Severity { get; init; }
    [Id(2)] public required string Subject { get; init; }
    [Id(3)] public required string Title { get; init; }
    [Id(4)] public string? Detail { get; init; }
    [Id(5)] public string? GateId { get; init; }
    [Id(6)] public string? ResidentId { get; init; }
    [Id(7)] public string? Unit { get; init; }
    [Id(8)] public required DateTimeOffset At { get; init; }

    /// <summary>When a person must have acknowledged it (a special request's due time): it escalates then
    /// if not, and after each SLA period from then on.</summary>
    [Id(9)] public DateTimeOffset? DueAt { get; init; }

    /// <summary>Steps for this situation instead of its kind's checklist.</summary>
    [Id(10)] public IReadOnlyList<string>? Checklist { get; init; }
}
