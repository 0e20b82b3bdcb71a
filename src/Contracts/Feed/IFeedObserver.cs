using Orleans.Concurrency;

namespace Ops.Contracts.Feed;

/// <summary>Implemented by each Dashboard process to receive the live feed in batches.</summary>
[Alias("ops.feed-observer")]
public interface IFeedObserver : IGrainObserver
{
    [OneWay, Alias("on-events")]
    Task OnEventsAsync(IReadOnlyList<EventView> events);
}
