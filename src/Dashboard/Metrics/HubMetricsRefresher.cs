using Ops.Contracts.Metrics;
using Ops.Contracts.Sites;
using Ops.Contracts.Situations;

namespace Ops.Dashboard.Metrics;

/// <summary>Every <see cref="Interval"/>: the totals from the counters grain, and the gauges counted from every
/// site's open situations and gates (their durable state), so a restart of any process changes none of them.</summary>
public sealed class HubMetricsRefresher(IClusterClient cluster, HubMetrics metrics, ILogger<HubMetricsRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private static readonly string[] Severities = [Severity.Critical, Severity.Major, Severity.Minor, Severity.Info];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    metrics.Update(await cluster.GetGrain<IHubCountersGrain>(0).SnapshotAsync());
                    metrics.Update(await GaugesAsync());
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
        foreach (var site in await cluster.GetGrain<ISiteDirectoryGrain>(0).ListAsync())
        {
            foreach (var situation in await cluster.GetGrain<ISiteSituationsGrain>(site.SiteId).ListOpenAsync())
                open[situation.Severity] = open.GetValueOrDefault(situation.Severity) + 1;
            online += (await cluster.GetGrain<ISiteGrain>(site.SiteId).ListGatesAsync()).Count(gate => gate.Online);
        }
        return new HubGauges(open, online);
    }
}
