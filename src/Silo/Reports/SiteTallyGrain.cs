using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ops.Contracts.Feed;
using Ops.Contracts.Reports;
using Ops.Contracts.Sites;

namespace Ops.Silo.Reports;

/// <summary>Counts a site's feed entries in memory and stores them per day every <see cref="FlushEvery"/>,
/// when a report asks, when it is deactivated and when the silo stops in order (<see cref="ActiveTallies"/>).
/// A crash of the silo loses what was counted since the last flush (docs/reports.md).</summary>
public sealed class SiteTallyGrain(TimeProvider time, IServiceProvider services, ILogger<SiteTallyGrain> logger) : Grain, ISiteTallyGrain
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(5);

    /// <summary>How long a site's time zone is trusted before it is read again.</summary>
    private static readonly TimeSpan ZoneAge = TimeSpan.FromMinutes(1);

    private readonly PendingTallies pending = new();
    private TimeZoneInfo zone = TimeZoneInfo.Utc;
    private DateTimeOffset zoneReadAt = DateTimeOffset.MinValue;

    private string SiteId => this.GetPrimaryKeyString();

    private ActiveTallies? Active => services.GetService<ActiveTallies>();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Active?.Add(SiteId);
        this.RegisterGrainTimer(_ => FlushAsync(), new GrainTimerCreationOptions { DueTime = FlushEvery, Period = FlushEvery });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync();
        Active?.Remove(SiteId);
    }

    public async Task RecordAsync(IReadOnlyList<EventView> entries)
    {
        if (time.GetUtcNow() - zoneReadAt > ZoneAge)
        {
            try
            {
                zone = Tallying.Zone((await GrainFactory.GetGrain<ISiteGrain>(SiteId).GetConfigAsync())?.TimeZone);
                zoneReadAt = time.GetUtcNow();
            }
            catch (Exception exception)
            {
                // The batch still counts, on the zone known so far; the site is asked again with the next batch.
                logger.LogWarning("Site {SiteId}: could not read its time zone for the tally ({Error})", SiteId, exception.GetType().Name);
            }
        }
        foreach (var entry in entries)
            pending.Record(entry, zone);
    }

    public async Task FlushAsync()
    {
        if (pending.IsEmpty)
            return;
        foreach (var tally in pending.Drain())
        {
            try
            {
                await GrainFactory.GetGrain<ITallyDayGrain>(TallyDay.Of(SiteId, tally.Date)).AddAsync(tally);
            }
            catch (Exception exception)
            {
                pending.Return(tally);
                logger.LogWarning("Site {SiteId}: could not store the tally of {Date} ({Error}); trying again at the next flush",
                    SiteId, tally.Date, exception.GetType().Name);
            }
        }
    }
}
