using Ops.Contracts.Metrics;

namespace Ops.Silo.Metrics;

/// <summary>The totals as stored: plain dictionaries with text keys and arrays, which every grain storage
/// serializer writes alike.</summary>
[GenerateSerializer, Alias("ops.hub-counters-state")]
public sealed class HubCountersState
{
    [Id(0)] public Dictionary<string, long> Events { get; set; } = [];
    [Id(1)] public Dictionary<string, long> Rejects { get; set; } = [];
    [Id(2)] public Dictionary<string, long> Decisions { get; set; } = [];

    /// <summary>Keyed <c>kind severity</c>.</summary>
    [Id(3)] public Dictionary<string, long> SituationsRaised { get; set; } = [];

    [Id(4)] public long[] DecisionCounts { get; set; } = [];
    [Id(5)] public double[] DecisionSums { get; set; } = [];

    public HubCounts ToCounts() => new()
    {
        Events = new Dictionary<string, long>(Events),
        Rejects = new Dictionary<string, long>(Rejects),
        Decisions = new Dictionary<string, long>(Decisions),
        SituationsRaised = SituationsRaised.ToDictionary(pair => ToKind(pair.Key), pair => pair.Value),
        // Stored before any decision, or with other bounds: start the histogram afresh.
        DecisionSeconds = DecisionCounts.Length == LatencyHistogram.Bounds.Count + 1 && DecisionSums.Length == DecisionCounts.Length
            ? new LatencyHistogram(DecisionCounts.ToArray(), DecisionSums.ToArray())
            : LatencyHistogram.Empty,
    };

    public static HubCountersState From(HubCounts counts) => new()
    {
        Events = new Dictionary<string, long>(counts.Events),
        Rejects = new Dictionary<string, long>(counts.Rejects),
        Decisions = new Dictionary<string, long>(counts.Decisions),
        SituationsRaised = counts.SituationsRaised.ToDictionary(pair => $"{pair.Key.Kind} {pair.Key.Severity}", pair => pair.Value),
        DecisionCounts = [.. counts.DecisionSeconds.Counts],
        DecisionSums = [.. counts.DecisionSeconds.Sums],
    };

    private static RaisedKind ToKind(string key)
    {
        var space = key.IndexOf(' ');
        return new RaisedKind(key[..space], key[(space + 1)..]);
    }
}
