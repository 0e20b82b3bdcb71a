using Microsoft.Extensions.Logging;
using Ops.Contracts.Feed;
using Orleans.Utilities;

namespace Ops.Silo.Feed;

/// <summary>Keeps the Dashboard processes' observers (each refreshes its subscription) for the silos' batchers.</summary>
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

    public Task<IReadOnlyList<IFeedObserver>> ObserversAsync()
    {
        // Reading the registry also drops the observers that stopped refreshing.
        observers.ClearExpired();
        return Task.FromResult<IReadOnlyList<IFeedObserver>>([.. observers.Observers.Values]);
    }
}
