using Orleans.Concurrency;

namespace Ops.Contracts.Feed;

/// <summary>Collects feed entries on each silo and forwards them in batches, so one busy
/// gate costs one push per batch rather than one per event.</summary>
[Alias("ops.feed-batcher")]
public interface IFeedBatcherGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("publish")]
    Task PublishAsync(EventView entry);
}
