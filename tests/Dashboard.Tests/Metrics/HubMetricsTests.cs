using System.Diagnostics.Metrics;
using Ops.Contracts.Metrics;
using Ops.Dashboard.Metrics;

namespace Ops.Dashboard.Tests.Metrics;

public sealed class HubMetricsTests
{
    [Fact]
    public void The_decision_histogram_replays_what_each_snapshot_added_with_exact_counts_and_sums()
    {
        using var metrics = new HubMetrics();
        var recorded = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == HubMetrics.MeterName && instrument.Name == HubMetrics.DecisionSecondsName)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => recorded.Add(value));
        listener.Start();

        metrics.Update(new HubCounts { DecisionSeconds = LatencyHistogram.Of((0.003, 1), (0.004, 1), (0.3, 1)) });
        metrics.Update(new HubCounts { DecisionSeconds = LatencyHistogram.Of((0.003, 1), (0.004, 1), (0.3, 1), (0.02, 2)) });

        Assert.Equal(5, recorded.Count);
        Assert.Equal(0.003 + 0.004 + 0.3 + 0.04, recorded.Sum(), 9);
        // Two values in one bucket come back as two of their mean: same bucket, same sum.
        Assert.Equal([0.0035, 0.0035], recorded.Where(value => LatencyHistogram.BucketOf(value) == LatencyHistogram.BucketOf(0.004)).Select(value => Math.Round(value, 9)));
        Assert.Equal(2, recorded.Count(value => Math.Abs(value - 0.02) < 1e-12));
    }

    [Fact]
    public void Counters_report_the_totals_of_the_latest_snapshot_by_label()
    {
        using var metrics = new HubMetrics();
        var measured = new List<(string Instrument, long Value, string Labels)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == HubMetrics.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}")))));
        listener.Start();

        metrics.Update(new HubCounts
        {
            Events = new Dictionary<string, long> { ["card.swiped"] = 7 },
            SituationsRaised = new Dictionary<RaisedKind, long> { [new RaisedKind("tamper", "critical")] = 2 },
        });
        metrics.Update(new HubGauges(new Dictionary<string, long> { ["major"] = 3 }, 4));
        listener.RecordObservableInstruments();

        Assert.Contains(("ops_events_total", 7L, "type=card.swiped"), measured);
        Assert.Contains(("ops_situations_raised_total", 2L, "kind=tamper,severity=critical"), measured);
        Assert.Contains(("ops_situations_open", 3L, "severity=major"), measured);
        Assert.Contains(("ops_gates_online", 4L, ""), measured);
    }
}
