using Ops.Contracts.Feed;
using Orleans.Concurrency;

namespace Ops.Silo.Feed;

/// <summary>One per silo: gathers feed entries for up to <see cref="Delay"/> and forwards them as one
/// batch, so a busy site costs one push per batch rather than one per event.</summary>
[StatelessWorker(1)]
public sealed class FeedBatcherGrain : Grain, IFeedBatcherGrain
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    private List<EventView> pending = [];
    private IGrainTimer? flush;

    public Task PublishAsync(EventView entry)
    {
        pending.Add(entry);
        flush ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions
        {
            DueTime = Delay,
            Period = Timeout.InfiniteTimeSpan,
            Interleave = true,
        });
        return Task.CompletedTask;
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = pending;
        pending = [];
        flush?.Dispose();
        flush = null;
        return batch.Count == 0
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IFeedHubGrain>(0).BroadcastAsync(batch);
    }
}
