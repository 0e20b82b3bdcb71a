using Ops.Contracts.Feed;
using Ops.Contracts.Gates;
using Ops.Contracts.Reports;
using Ops.Contracts.Situations;
using Orleans.Concurrency;

namespace Ops.Silo.Feed;

/// <summary>One per silo: gathers pushes for up to <see cref="Delay"/> and forwards them as one batch,
/// every change in the order it happened. The feed entries also go, per site, to the site's tally of
/// traffic and revenue, counted in memory (docs/reports.md), so the reports cost no write per event.</summary>
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
        events.Add(entry);
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
        foreach (var site in batch.Events.GroupBy(entry => entry.SiteId))
            GrainFactory.GetGrain<ISiteTallyGrain>(site.Key).RecordAsync([.. site]).Ignore();
        return GrainFactory.GetGrain<IFeedHubGrain>(0).BroadcastAsync(batch);
    }
}
