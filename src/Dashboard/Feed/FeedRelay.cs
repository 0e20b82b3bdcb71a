using Microsoft.AspNetCore.SignalR;
using Ops.Contracts.Feed;

namespace Ops.Dashboard.Feed;

/// <summary>This process's observer of the cluster's pushes: keeps its subscription fresh and passes
/// each batch on to the SignalR group of every site in it.</summary>
public sealed class FeedRelay(IClusterClient cluster, IHubContext<OpsHub, IOpsClient> hub, ILogger<FeedRelay> logger)
    : BackgroundService, IFeedObserver
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    public Task OnBatchAsync(FeedBatch batch) => Task.WhenAll(
        batch.Events.GroupBy(entry => entry.SiteId)
            .Select(site => hub.Clients.Group(OpsHub.SiteGroup(site.Key)).events([.. site]))
            .Concat(batch.Situations.Select(situation => hub.Clients.Group(OpsHub.SiteGroup(situation.SiteId)).situationChanged(situation)))
            .Concat(batch.Gates.Select(gate => hub.Clients.Group(OpsHub.SiteGroup(gate.SiteId)).gateChanged(gate))));

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
            cluster.DeleteObjectReference<IFeedObserver>(reference);
        }
    }
}
