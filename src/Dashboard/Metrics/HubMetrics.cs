using System.Diagnostics.Metrics;
using Ops.Contracts.Metrics;

namespace Ops.Dashboard.Metrics;

/// <summary>The hub-wide <c>ops_*</c> instruments that <c>/metrics</c> serves. Counts come from the cluster's
/// counters grain (what every gateway and silo reported, kept in grain storage) and the gauges from the sites'
/// durable state; <see cref="HubMetricsRefresher"/> brings both here every few seconds.</summary>
public sealed class HubMetrics : IDisposable
{
    public const string MeterName = "Ops.Hub";
    public const string DecisionSecondsName = "ops_decision_seconds";

    private readonly Meter meter = new(MeterName);
    private readonly Histogram<double> decisionSeconds;
    private readonly Lock replaying = new();
    private volatile HubCounts totals = new();
    private volatile HubGauges gauges = HubGauges.None;
    private LatencyHistogram replayed = LatencyHistogram.Empty;

    public HubMetrics()
    {
        meter.CreateObservableCounter("ops_events_total", () => Series(totals.Events, "type"),
            description: "Gate events processed, by type.");
        meter.CreateObservableCounter("ops_rejects_total", () => Series(totals.Rejects, "reason"),
            description: "Gate messages refused with a reject, by reason.");
        meter.CreateObservableCounter("ops_decisions_total", () => Series(totals.Decisions, "reason"),
            description: "Commands published in reply to gate events, by reason.");
        meter.CreateObservableCounter("ops_situations_raised_total", RaisedSeries,
            description: "Situations raised, by kind and severity.");
        meter.CreateObservableGauge("ops_situations_open", () => Series(gauges.OpenBySeverity, "severity"),
            description: "Situations open (not resolved) now, by severity; those grouped into a flood summary not counted.");
        meter.CreateObservableGauge("ops_gates_online", () => gauges.GatesOnline,
            description: "Gates online now (heard from within three heartbeats).");
        decisionSeconds = meter.CreateHistogram<double>(DecisionSecondsName, unit: "s",
            description: "Seconds from a gate event's arrival at the gateway to the publication of its command.");
    }

    public void Update(HubCounts counts)
    {
        // The counters grain stores every 5 s: after a silo crash it starts from a few seconds back. A counter
        // that went down reads as a reset to Prometheus, so each series keeps the highest value it served.
        var served = totals;
        totals = counts with
        {
            Events = AtLeast(served.Events, counts.Events),
            Rejects = AtLeast(served.Rejects, counts.Rejects),
            Decisions = AtLeast(served.Decisions, counts.Decisions),
            SituationsRaised = AtLeast(served.SituationsRaised, counts.SituationsRaised),
        };
        Replay(counts.DecisionSeconds);
    }

    private static Dictionary<TKey, long> AtLeast<TKey>(IReadOnlyDictionary<TKey, long> served, IReadOnlyDictionary<TKey, long> latest)
        where TKey : notnull
    {
        var merged = new Dictionary<TKey, long>(latest);
        foreach (var (key, value) in served)
            merged[key] = Math.Max(value, merged.GetValueOrDefault(key));
        return merged;
    }

    public void Update(HubGauges latest) => gauges = latest;

    /// <summary>Records what the histogram gained since the last update: each bucket's new values as that many
    /// values of their mean, which lands them in the same bucket and keeps the sum exact.</summary>
    private void Replay(LatencyHistogram latest)
    {
        lock (replaying)
        {
            for (var bucket = 0; bucket < latest.Counts.Count; bucket++)
            {
                var count = latest.Counts[bucket] - replayed.Counts[bucket];
                if (count <= 0)
                    continue;
                var mean = (latest.Sums[bucket] - replayed.Sums[bucket]) / count;
                for (var i = 0; i < count; i++)
                    decisionSeconds.Record(mean);
            }
            // A lower total means the counters started again (storage lost their last seconds): follow them from there.
            replayed = latest;
        }
    }

    private static IEnumerable<Measurement<long>> Series(IReadOnlyDictionary<string, long> values, string label) =>
        values.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>(label, pair.Key)));

    private IEnumerable<Measurement<long>> RaisedSeries() => totals.SituationsRaised.Select(pair => new Measurement<long>(pair.Value,
        new KeyValuePair<string, object?>("kind", pair.Key.Kind), new KeyValuePair<string, object?>("severity", pair.Key.Severity)));

    public void Dispose() => meter.Dispose();
}
