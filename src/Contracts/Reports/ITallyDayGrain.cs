namespace Ops.Contracts.Reports;

/// <summary>The durable tally of one site's day, keyed <c>{siteId}/{yyyy-MM-dd}</c> (the site's calendar):
/// small however long the site runs, and written a few times a minute at most, never per event.</summary>
[Alias("ops.tally-day-grain")]
public interface ITallyDayGrain : IGrainWithStringKey
{
    /// <summary>Adds the counts of an increment and makes the sum durable before it answers.</summary>
    [Alias("add")]
    Task AddAsync(DayTally increment);

    [Alias("get"), Orleans.Concurrency.AlwaysInterleave]
    Task<DayTally> GetAsync();
}
