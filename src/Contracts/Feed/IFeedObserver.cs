using Orleans.Concurrency;

namespace Ops.Contracts.Feed;

/// <summary>Implemented by each Dashboard process to receive pushes in batches.</summary>
[Alias("ops.feed-observer")]
public interface IFeedObserver : IGrainObserver
{
    [OneWay, Alias("on-batch")]
    Task OnBatchAsync(FeedBatch batch);
}
