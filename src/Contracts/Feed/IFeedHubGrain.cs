using Orleans.Concurrency;

namespace Ops.Contracts.Feed;

/// <summary>The registry of Dashboard observers (a singleton, key 0). It carries no pushes: each silo's
/// <see cref="IFeedBatcherGrain"/> asks it for the observers now and then and sends its batches to them
/// directly, so the push path grows with the silos instead of meeting in one grain.</summary>
[Alias("ops.feed-hub")]
public interface IFeedHubGrain : IGrainWithIntegerKey
{
    /// <summary>Registers or refreshes an observer; observers that stop refreshing expire.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IFeedObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IFeedObserver observer);

    /// <summary>The observers registered and not expired.</summary>
    [Alias("observers")]
    Task<IReadOnlyList<IFeedObserver>> ObserversAsync();
}
