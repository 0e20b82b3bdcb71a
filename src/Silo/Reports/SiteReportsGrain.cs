using Ops.Contracts.Reports;
using Ops.Contracts.Sites;
using Ops.Contracts.Situations;
using Ops.Silo.Situations;
using Orleans.Concurrency;

namespace Ops.Silo.Reports;

/// <summary>Reads a site's reports: traffic and revenue from the days' tallies (flushed first, so they
/// include everything counted so far), situations and response times from the situations' archive.</summary>
[StatelessWorker]
public sealed class SiteReportsGrain : Grain, ISiteReportsGrain
{
    private string SiteId => this.GetPrimaryKeyString();

    public async Task<TrafficReport> TrafficAsync(DateOnly from, DateOnly to)
    {
        var (_, zoneName) = await ZoneAsync();
        return new TrafficReport { SiteId = SiteId, From = from, To = to, TimeZone = zoneName, Rows = ReportRows.Traffic(await DaysAsync(from, to)) };
    }

    public async Task<RevenueReport> RevenueAsync(DateOnly from, DateOnly to)
    {
        var (_, zoneName) = await ZoneAsync();
        return new RevenueReport { SiteId = SiteId, From = from, To = to, TimeZone = zoneName, Rows = ReportRows.Revenue(await DaysAsync(from, to)) };
    }

    public async Task<SituationsReport> SituationsAsync(DateOnly from, DateOnly to)
    {
        var (zone, zoneName) = await ZoneAsync();
        var (start, end) = ReportPeriod.Instants(from, to, zone);
        return new SituationsReport
        {
            SiteId = SiteId,
            From = from,
            To = to,
            TimeZone = zoneName,
            Rows = ReportRows.Weeks(await ArchiveMonth.ReadAsync(GrainFactory, SiteId, start, end), zone),
        };
    }

    public async Task<ResponseStats> ResponseAsync(DateOnly from, DateOnly to)
    {
        var (zone, _) = await ZoneAsync();
        var (start, end) = ReportPeriod.Instants(from, to, zone);
        return ResponseStatistics.Compute(SiteId, await ArchiveMonth.ReadAsync(GrainFactory, SiteId, start, end), start, end);
    }

    private async Task<(TimeZoneInfo Zone, string Name)> ZoneAsync()
    {
        var name = (await GrainFactory.GetGrain<ISiteGrain>(SiteId).GetConfigAsync())?.TimeZone ?? new SiteConfig().TimeZone;
        var zone = Tallying.Zone(name);
        return (zone, zone == TimeZoneInfo.Utc ? "UTC" : name);
    }

    private async Task<DayTally[]> DaysAsync(DateOnly from, DateOnly to)
    {
        await GrainFactory.GetGrain<ISiteTallyGrain>(SiteId).FlushAsync();
        return await Task.WhenAll(ReportPeriod.Days(from, to)
            .Select(day => GrainFactory.GetGrain<ITallyDayGrain>(TallyDay.Of(SiteId, day)).GetAsync()));
    }
}
