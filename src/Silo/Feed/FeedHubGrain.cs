using Microsoft.Extensions.Logging;
using Ops.Contracts.Feed;
using Orleans.Utilities;

namespace Ops.Silo.Feed;

/// <summary>Keeps the Dashboard processes' observers (each refreshes its subscription) and sends them every batch.</summary>
public sealed class FeedHubGrain(ILogger<FeedHubGrain> logger) : Grain, IFeedHubGrain
{
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IFeedObserver> observers = new(ObserverExpiry, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The registry lives in memory; keep it activated so observers are not forgotten while idle.
        DelayDeactivation(TimeSpan.FromDays(3650));
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(IFeedObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IFeedObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task BroadcastAsync(FeedBatch batch)
    {
        observers.Notify(observer => observer.OnBatchAsync(batch));
        return Task.CompletedTask;
    }
}
