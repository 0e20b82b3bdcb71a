namespace Ops.Contracts.Sites;

/// <summary>The list of every site of the hub (a singleton, key 0).</summary>
[Alias("ops.site-directory")]
public interface ISiteDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("upsert")]
    Task UpsertAsync(SiteSummary site);

    [Alias("list")]
    Task<IReadOnlyList<SiteSummary>> ListAsync();
}
