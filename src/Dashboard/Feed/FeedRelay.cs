using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Ops.Contracts.Feed;
using Ops.Observability;

namespace Ops.Dashboard.Feed;

/// <summary>This process's observer of the cluster's pushes: keeps its subscription fresh and passes
/// each batch on to the SignalR group of every site in it.</summary>
public sealed class FeedRelay(
    IClusterClient cluster, IHubContext<OpsHub, IOpsClient> hub, FeedMemory memory, ILogger<FeedRelay> logger)
    : BackgroundService, IFeedObserver
{
    // Short, so that after a silo restart the subscription is back within seconds.
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private volatile bool stopped;

    /// <summary>Remembers the batch's feed entries and sends the batch on, in order: feed entries per site,
    /// then each situation and gate change.</summary>
    public async Task OnBatchAsync(FeedBatch batch)
    {
        if (stopped)
            return;
        memory.Record(batch.Events);
        foreach (var site in batch.Events.GroupBy(entry => entry.SiteId))
        {
            var pushes = site.Select(StartPush).OfType<Activity>().ToList();
            try
            {
                await hub.Clients.Group(OpsHub.SiteGroup(site.Key)).events([.. site]);
            }
            finally
            {
                foreach (var push in pushes)
                    push.Dispose();
            }
        }
        foreach (var situation in batch.Situations)
            await hub.Clients.Group(OpsHub.SiteGroup(situation.SiteId)).situationChanged(situation);
        foreach (var gate in batch.Gates)
            await hub.Clients.Group(OpsHub.SiteGroup(gate.SiteId)).gateChanged(gate);
    }

    /// <summary>The last span of a gate event's trace: its push to the site's screens (when traces are recorded).</summary>
    private static Activity? StartPush(EventView entry)
    {
        if (entry.TraceParent is null || !ActivityContext.TryParse(entry.TraceParent, null, out var parent))
            return null;
        return OpsTelemetry.Source.StartActivity("feed push", ActivityKind.Producer, parent)?
            .SetTag("ops.site", entry.SiteId).SetTag("ops.gate", entry.GateId).SetTag("ops.event.id", entry.EventId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = cluster.CreateObjectReference<IFeedObserver>(this);
        var feedHub = cluster.GetGrain<IFeedHubGrain>(0);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await feedHub.SubscribeAsync(reference);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Could not subscribe to the live feed; retrying");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }
                await Task.Delay(Refresh, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await UnsubscribeAsync(feedHub, reference);
            // The reference is not deleted: each silo's batchers learn of the unsubscription only at their next
            // look at the registry, and a batch sent to a deleted observer is logged as an error. It goes with
            // the cluster client, which stops after this service; batches arriving until then are dropped.
            stopped = true;
        }
    }

    /// <summary>Leaves the feed, so the hub stops sending to this process.</summary>
    private async Task UnsubscribeAsync(IFeedHubGrain feedHub, IFeedObserver reference)
    {
        try
        {
            await feedHub.UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception exception)
        {
            // The silo may be gone already; the subscription then expires by itself.
            logger.LogDebug(exception, "Could not unsubscribe from the live feed");
        }
    }
}
