namespace Ops.Contracts.Metrics;

/// <summary>Counts of what the hub did: as increments a process reports, or as the totals since the counters began.</summary>
[GenerateSerializer, Immutable, Alias("ops.hub-counts")]
public sealed record HubCounts
{
    /// <summary>Gate events processed, by event type.</summary>
    [Id(0)] public IReadOnlyDictionary<string, long> Events { get; init; } = new Dictionary<string, long>();

    /// <summary>Gate messages refused with a reject, by reason.</summary>
    [Id(1)] public IReadOnlyDictionary<string, long> Rejects { get; init; } = new Dictionary<string, long>();

    /// <summary>Commands published in reply to an event, by reason.</summary>
    [Id(2)] public IReadOnlyDictionary<string, long> Decisions { get; init; } = new Dictionary<string, long>();

    /// <summary>Situations raised (not repeats), by kind and severity.</summary>
    [Id(3)] public IReadOnlyDictionary<RaisedKind, long> SituationsRaised { get; init; } = new Dictionary<RaisedKind, long>();

    /// <summary>Seconds from an event's arrival at the gateway to its command's publication.</summary>
    [Id(4)] public LatencyHistogram DecisionSeconds { get; init; } = LatencyHistogram.Empty;

    public bool IsEmpty => Events.Count == 0 && Rejects.Count == 0 && Decisions.Count == 0 && SituationsRaised.Count == 0
        && DecisionSeconds.Count == 0;
}
