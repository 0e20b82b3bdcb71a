namespace Ops.Contracts.Situations;

/// <summary>How the site's situation index opens a new situation: its request plus what the
/// site decides for it (procedure, SLA, shelving, flood grouping).</summary>
[GenerateSerializer, Immutable, Alias("ops.open-situation")]
public sealed record OpenSituation
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public required RaiseRequest Request { get; init; }
    [Id(2)] public IReadOnlyList<string> Checklist { get; init; } = [];

    /// <summary>Seconds of the severity's SLA; 0 for a situation that never escalates.</summary>
    [Id(3)] public int SlaSeconds { get; init; }

    [Id(4)] public bool Shelved { get; init; }
    [Id(5)] public string? GroupedInto { get; init; }
}
