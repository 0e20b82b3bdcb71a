namespace Ops.Contracts.Situations;

/// <summary>A situation as screens and phones see it (the situation rules (README) <c>SituationView</c>).</summary>
[GenerateSerializer, Immutable, Alias("ops.situation-view")]
public sealed record SituationView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string SiteId { get; init; }
    [Id(2)] public required string Kind { get; init; }
    [Id(3)] public required string Severity { get; init; }
    [Id(4)] public required string State { get; init; }
    [Id(5)] public bool Active { get; init; }
    [Id(6)] public required string Title { get; init; }
    [Id(7)] public string? Detail { get; init; }
    [Id(8)] public string? GateId { get; init; }
    [Id(9)] public string? ResidentId { get; init; }
    [Id(10)] public string? Unit { get; init; }
    [Id(11)] public DateTimeOffset RaisedAt { get; init; }
    [Id(12)] public DateTimeOffset LastAt { get; init; }
    [Id(13)] public int Occurrences { get; init; }
    [Id(14)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(15)] public string? AcknowledgedBy { get; init; }
    [Id(16)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(17)] public string? ResolvedBy { get; init; }
    [Id(18)] public string? Assignee { get; init; }
    [Id(19)] public int EscalationLevel { get; init; }
    [Id(20)] public IReadOnlyList<ChecklistItem> Checklist { get; init; } = [];

    /// <summary>Set when the situation was raised while its kind was shelved at its gate.</summary>
    [Id(21)] public bool Shelved { get; init; }

    /// <summary>Set when flood control grouped this situation into a summary situation.</summary>
    [Id(22)] public string? GroupedInto { get; init; }

    /// <summary>When a person must have acknowledged it, for situations with a due time (requests).</summary>
    [Id(24)] public DateTimeOffset? DueAt { get; init; }

    /// <summary>Only in answers about one situation (<c>GET /api/situations/{id}</c>).</summary>
    [Id(23)] public IReadOnlyList<HistoryEntry>? History { get; init; }
}
