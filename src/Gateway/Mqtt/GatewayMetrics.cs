using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Contracts.Metrics;

namespace Ops.Gateway.Mqtt;

/// <summary>The gateway's counts (events, rejects, decisions and their latency): gathered here and added to the
/// cluster's <see cref="IHubCountersGrain"/> every second, from which the dashboard serves <c>/metrics</c>.</summary>
public sealed class GatewayMetrics(IClusterClient cluster, ILogger<GatewayMetrics> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Lock counting = new();
    private Dictionary<string, long> events = [];
    private Dictionary<string, long> rejects = [];
    private Dictionary<string, long> decisions = [];
    private long[] latencyCounts = new long[LatencyHistogram.Bounds.Count + 1];
    private double[] latencySums = new double[LatencyHistogram.Bounds.Count + 1];

    public void Processed(string type)
    {
        lock (counting)
            events[type] = events.GetValueOrDefault(type) + 1;
    }

    public void Rejected(string reason)
    {
        lock (counting)
            rejects[reason] = rejects.GetValueOrDefault(reason) + 1;
    }

    /// <summary>A command went out in reply to an event, <paramref name="elapsed"/> after the event arrived.</summary>
    public void Decided(string reason, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        var bucket = LatencyHistogram.BucketOf(seconds);
        lock (counting)
        {
            decisions[reason] = decisions.GetValueOrDefault(reason) + 1;
            latencyCounts[bucket]++;
            latencySums[bucket] += seconds;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync();
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync();
    }

    private HubCounts Take()
    {
        lock (counting)
        {
            var counts = new HubCounts
            {
                Events = events,
                Rejects = rejects,
                Decisions = decisions,
                DecisionSeconds = new LatencyHistogram(latencyCounts, latencySums),
            };
            events = [];
            rejects = [];
            decisions = [];
            latencyCounts = new long[LatencyHistogram.Bounds.Count + 1];
            latencySums = new double[LatencyHistogram.Bounds.Count + 1];
            return counts;
        }
    }

    private async Task FlushAsync()
    {
        var counts = Take();
        if (counts.IsEmpty)
            return;
        try
        {
            await cluster.GetGrain<IHubCountersGrain>(0).AddAsync(counts);
        }
        catch (Exception exception)
        {
            // The cluster may be restarting: the counts wait for the next report.
            Restore(counts);
            logger.LogWarning("Could not report {Events} events and {Rejects} rejects to the hub's counters ({Error}); trying again in a second",
                counts.Events.Values.Sum(), counts.Rejects.Values.Sum(), exception.GetType().Name);
        }
    }

    private void Restore(HubCounts counts)
    {
        lock (counting)
        {
            foreach (var (type, count) in counts.Events)
                events[type] = events.GetValueOrDefault(type) + count;
            foreach (var (reason, count) in counts.Rejects)
                rejects[reason] = rejects.GetValueOrDefault(reason) + count;
            foreach (var (reason, count) in counts.Decisions)
                decisions[reason] = decisions.GetValueOrDefault(reason) + count;
            for (var bucket = 0; bucket < latencyCounts.Length; bucket++)
            {
                latencyCounts[bucket] += counts.DecisionSeconds.Counts[bucket];
                latencySums[bucket] += counts.DecisionSeconds.Sums[bucket];
            }
        }
    }
}
