namespace Ops.Contracts.Situations;

/// <summary>The records of one site's situations raised in one month, keyed <c>{siteId}/{yyyy-MM}</c>:
/// small per grain however long the site runs, and enough for listings and response statistics.</summary>
[Alias("ops.situation-archive-grain")]
public interface ISituationArchiveGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task RecordAsync(SituationRecord record);

    [Alias("list"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<SituationRecord>> ListAsync();
}
