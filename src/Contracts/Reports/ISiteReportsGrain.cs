using Ops.Contracts.Situations;

namespace Ops.Contracts.Reports;

/// <summary>The reports of one site (docs/reports.md), keyed by siteId. Periods are days of the site's
/// calendar, both ends included.</summary>
[Alias("ops.site-reports-grain")]
public interface ISiteReportsGrain : IGrainWithStringKey
{
    [Alias("traffic")]
    Task<TrafficReport> TrafficAsync(DateOnly from, DateOnly to);

    [Alias("revenue")]
    Task<RevenueReport> RevenueAsync(DateOnly from, DateOnly to);

    [Alias("situations")]
    Task<SituationsReport> SituationsAsync(DateOnly from, DateOnly to);

    /// <summary>Response times of the situations raised in the period, per user and per kind.</summary>
    [Alias("response")]
    Task<ResponseStats> ResponseAsync(DateOnly from, DateOnly to);
}
