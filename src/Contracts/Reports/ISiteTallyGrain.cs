using Ops.Contracts.Feed;
using Orleans.Concurrency;

namespace Ops.Contracts.Reports;

/// <summary>Counts a site's feed entries in memory (traffic per gate and hour, parking payments) and hands
/// the counts to the site's <see cref="ITallyDayGrain"/>s every few seconds, so that no gate event waits
/// for a report's write.</summary>
[Alias("ops.site-tally-grain")]
public interface ISiteTallyGrain : IGrainWithStringKey
{
    [OneWay, Alias("record")]
    Task RecordAsync(IReadOnlyList<EventView> entries);

    /// <summary>Makes what was counted so far durable now (before a report reads the days).</summary>
    [Alias("flush")]
    Task FlushAsync();
}
