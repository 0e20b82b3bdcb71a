using System.Diagnostics;
using Ops.Contracts.Feed;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Orleans.Concurrency;

namespace Ops.Silo.Feed;

/// <summary>One per silo: gathers pushes for up to <see cref="Delay"/> and forwards them as one batch,
/// every change in the order it happened.</summary>
[StatelessWorker(1)]
public sealed class FeedBatcherGrain : Grain, IFeedBatcherGrain
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    private List<EventView> events = [];
    private List<SituationView> situations = [];
    private List<GateView> gates = [];
    private IGrainTimer? flush;

    public Task PublishAsync(EventView entry)
    {
        // The batch leaves on a timer, outside the event's trace: the entry carries its trace context instead.
        events.Add(Activity.Current is { } activity ? entry with { TraceParent = activity.Id } : entry);
        return Scheduled();
    }

    public Task PublishSituationAsync(SituationView situation)
    {
        situations.Add(situation);
        return Scheduled();
    }

    public Task PublishGateAsync(GateView gate)
    {
        gates.Add(gate);
        return Scheduled();
    }

    private Task Scheduled()
    {
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
        var batch = new FeedBatch { Events = events, Situations = situations, Gates = gates };
        events = [];
        situations = [];
        gates = [];
        flush?.Dispose();
        flush = null;
        return GrainFactory.GetGrain<IFeedHubGrain>(0).BroadcastAsync(batch);
    }
}
