using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Ops.Contracts.Feed;
using Ops.Contracts.Gates;
using Ops.Contracts.Reports;
using Ops.Contracts.Situations;
using Ops.Silo.Reports;
using Orleans.Concurrency;

namespace Ops.Silo.Feed;

/// <summary>One per silo: gathers pushes for up to <see cref="Delay"/> (or until <see cref="MaxEvents"/> feed
/// entries wait) and sends them as one batch, every change in the order it happened, to each Dashboard
/// process's observer directly. The observers are asked of <see cref="IFeedHubGrain"/> at most every
/// <see cref="ObserversRefresh"/>, so a new dashboard gets pushes within that time. The feed entries also go,
/// per site, to the site's tally of traffic and revenue, counted in memory (docs/reports.md), so the reports
/// cost no write per event.</summary>
[StatelessWorker(1)]
public sealed class FeedBatcherGrain(ILogger<FeedBatcherGrain> logger) : Grain, IFeedBatcherGrain
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan ObserversRefresh = TimeSpan.FromSeconds(2);
    public const int MaxEvents = 2000;

    private List<EventView> events = [];
    private List<SituationView> situations = [];
    private List<GateView> gates = [];
    private IGrainTimer? flush;
    private IReadOnlyList<IFeedObserver> observers = [];
    private DateTimeOffset observersAt = DateTimeOffset.MinValue;

    public Task PublishAsync(EventView entry)
    {
        // The batch leaves on a timer, outside the event's trace: the entry carries its trace context instead.
        events.Add(Activity.Current is { } activity ? entry with { TraceParent = activity.Id } : entry);
        return events.Count >= MaxEvents ? FlushAsync(CancellationToken.None) : Scheduled();
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
            // A turn like any call: a flush waiting for the observers' registry must not be overtaken by the next.
            Interleave = false,
        });
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new FeedBatch { Events = events, Situations = situations, Gates = gates };
        events = [];
        situations = [];
        gates = [];
        flush?.Dispose();
        flush = null;
        if (batch.Events.Count + batch.Situations.Count + batch.Gates.Count == 0)
            return;
        foreach (var site in batch.Events.Where(Tallying.Counts).GroupBy(entry => entry.SiteId))
            GrainFactory.GetGrain<ISiteTallyGrain>(site.Key).RecordAsync([.. site]).Ignore();
        // One-way calls: a dashboard that is gone costs nothing here, and expires from the registry.
        foreach (var observer in await ObserversAsync())
            observer.OnBatchAsync(batch).Ignore();
    }

    private async Task<IReadOnlyList<IFeedObserver>> ObserversAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (now - observersAt < ObserversRefresh)
            return observers;
        try
        {
            observers = await GrainFactory.GetGrain<IFeedHubGrain>(0).ObserversAsync();
            observersAt = now;
        }
        catch (Exception exception)
        {
            // The registry's silo may be restarting: keep sending to the observers known so far.
            logger.LogWarning("Could not refresh the live feed's observers ({Error}); keeping {Count}", exception.GetType().Name, observers.Count);
        }
        return observers;
    }
}
