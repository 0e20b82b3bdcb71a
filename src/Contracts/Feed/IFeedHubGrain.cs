using Orleans.Concurrency;

namespace Ops.Contracts.Feed;

/// <summary>The registry of Dashboard observers (a singleton, key 0); fans each batch out to them.</summary>
[Alias("ops.feed-hub")]
public interface IFeedHubGrain : IGrainWithIntegerKey
{
    /// <summary>Registers or refreshes an observer; observers that stop refreshing expire.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IFeedObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IFeedObserver observer);

    [OneWay, Alias("broadcast")]
    Task BroadcastAsync(FeedBatch batch);
}
