using Ops.Contracts.Metrics;
using Ops.Contracts.Sites;
using Ops.Contracts.Situations;

namespace Ops.Dashboard.Metrics;

/// <summary>Every <see cref="Interval"/>: the totals from the counters grain; every <see cref="GaugeInterval"/>, the
/// gauges counted from every site's open situations and gates (their durable state), so a restart of any process
/// changes none of them. The gauges ask every open situation and gate, so they are read as seldom as a scrape.</summary>
public sealed class HubMetricsRefresher(IClusterClient cluster, HubMetrics metrics, ILogger<HubMetricsRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan GaugeInterval = TimeSpan.FromSeconds(10);

    private static readonly string[] Severities = [Severity.Critical, Severity.Major, Severity.Minor, Severity.Info];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var gaugesAt = DateTimeOffset.MinValue;
        try
        {
            do
            {
                try
                {
                    metrics.Update(await cluster.GetGrain<IHubCountersGrain>(0).SnapshotAsync());
                    if (DateTimeOffset.UtcNow - gaugesAt >= GaugeInterval)
                    {
                        metrics.Update(await GaugesAsync());
                        gaugesAt = DateTimeOffset.UtcNow;
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogDebug(exception, "Could not refresh the hub's metrics; the last values stay");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<HubGauges> GaugesAsync()
    {
        var open = Severities.ToDictionary(severity => severity, _ => 0L);
        long online = 0;
        var sites = await Task.WhenAll((await cluster.GetGrain<ISiteDirectoryGrain>(0).ListAsync()).Select(async site => (
            Open: await cluster.GetGrain<ISiteSituationsGrain>(site.SiteId).ListOpenAsync(),
            Gates: await cluster.GetGrain<ISiteGrain>(site.SiteId).ListGatesAsync())));
        foreach (var (situations, gates) in sites)
        {
            foreach (var situation in situations)
                open[situation.Severity] = open.GetValueOrDefault(situation.Severity) + 1;
            online += gates.Count(gate => gate.Online);
        }
        return new HubGauges(open, online);
    }
}
