using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Contracts.Metrics;

namespace Ops.Gateway.Mqtt;

/// <summary>The gateway's counters: counted here without locks, sent to the cluster's metrics grain
/// every second, served by the dashboard at <c>/metrics</c>.</summary>
public sealed class GatewayMetrics(IClusterClient cluster, ILogger<GatewayMetrics> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private ConcurrentDictionary<string, long> pending = new(StringComparer.Ordinal);

    public void Processed(string type) => Count($"ops_gateway_events_total{{type=\"{type}\"}}");

    public void Rejected(string reason) => Count($"ops_gateway_rejects_total{{reason=\"{reason}\"}}");

    private void Count(string series) => pending.AddOrUpdate(series, 1, (_, count) => count + 1);

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

    private async Task FlushAsync()
    {
        if (pending.IsEmpty)
            return;
        var increments = Interlocked.Exchange(ref pending, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        try
        {
            await cluster.GetGrain<IMetricsGrain>(0).AddAsync(new Dictionary<string, long>(increments));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not report {Series} counter series; they are dropped", increments.Count);
        }
    }
}
