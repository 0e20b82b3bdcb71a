using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

/// <summary>Everything a situation keeps, durable in its grain.</summary>
[GenerateSerializer, Alias("ops.situation-state")]
public sealed class SituationState
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string SiteId { get; set; } = "";
    [Id(2)] public string Kind { get; set; } = "";
    [Id(3)] public string Severity { get; set; } = "";
    [Id(4)] public string Subject { get; set; } = "";
    [Id(5)] public string State { get; set; } = "";
    [Id(6)] public bool Active { get; set; }
    [Id(7)] public string Title { get; set; } = "";
    [Id(8)] public string? Detail { get; set; }
    [Id(9)] public string? GateId { get; set; }
    [Id(10)] public string? ResidentId { get; set; }
    [Id(11)] public string? Unit { get; set; }
    [Id(12)] public DateTimeOffset RaisedAt { get; set; }
    [Id(13)] public DateTimeOffset LastAt { get; set; }
    [Id(14)] public int Occurrences { get; set; }
    [Id(15)] public DateTimeOffset? AcknowledgedAt { get; set; }
    [Id(16)] public string? AcknowledgedBy { get; set; }
    [Id(17)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(18)] public string? ResolvedBy { get; set; }
    [Id(19)] public string? Assignee { get; set; }
    [Id(20)] public int EscalationLevel { get; set; }
    [Id(21)] public List<ChecklistItem> Checklist { get; set; } = [];
    [Id(22)] public bool Shelved { get; set; }
    [Id(23)] public string? GroupedInto { get; set; }
    [Id(24)] public List<HistoryEntry> History { get; set; } = [];

    /// <summary>Seconds of the SLA; 0 when the situation never escalates.</summary>
    [Id(25)] public int SlaSeconds { get; set; }

    /// <summary>When the next escalation is due, while one can be.</summary>
    [Id(26)] public DateTimeOffset? NextEscalationAt { get; set; }

    [Id(27)] public DateTimeOffset? DueAt { get; set; }

    public bool Exists => Id.Length > 0;

    /// <summary>Whether changes are announced to screens: not while shelved or grouped into a flood summary.</summary>
    public bool Announced => !Shelved && GroupedInto is null;

    public SituationView View(bool withHistory) => new()
    {
        Id = Id,
        SiteId = SiteId,
        Kind = Kind,
        Severity = Severity,
        State = State,
        Active = Active,
        Title = Title,
        Detail = Detail,
        GateId = GateId,
        ResidentId = ResidentId,
        Unit = Unit,
        RaisedAt = RaisedAt,
        LastAt = LastAt,
        Occurrences = Occurrences,
        AcknowledgedAt = AcknowledgedAt,
        AcknowledgedBy = AcknowledgedBy,
        ResolvedAt = ResolvedAt,
        ResolvedBy = ResolvedBy,
        Assignee = Assignee,
        EscalationLevel = EscalationLevel,
        Checklist = [.. Checklist],
        Shelved = Shelved,
        GroupedInto = GroupedInto,
        DueAt = DueAt,
        History = withHistory ? [.. History] : null,
    };

    public SituationRecord Record() => new()
    {
        Id = Id,
        Kind = Kind,
        RaisedAt = RaisedAt,
        AcknowledgedAt = AcknowledgedAt,
        AcknowledgedBy = AcknowledgedBy,
        ResolvedAt = ResolvedAt,
        ResolvedBy = ResolvedBy,
    };
}
