using Ops.Contracts;
using Ops.Contracts.Residents;

namespace Ops.Dashboard.Residents;

/// <summary>A site's residents, from its resident directory (one grain holding them all).</summary>
public static class SiteResidents
{
    /// <summary>The residents the query finds (all without one), in ordinal order of their ids.</summary>
    public static Task<IReadOnlyList<Resident>> LoadAsync(IClusterClient cluster, string siteId, string? query = null) =>
        cluster.Reference<IResidentDirectoryGrain>(siteId).SearchAsync(query);
}
