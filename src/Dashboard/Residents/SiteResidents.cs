using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Contracts.Sites;

namespace Ops.Dashboard.Residents;

/// <summary>Every resident of a site, read from their grains (the site keeps their ids).</summary>
public static class SiteResidents
{
    /// <summary>The residents in ordinal order of their ids.</summary>
    public static async Task<IReadOnlyList<Resident>> LoadAsync(IClusterClient cluster, string siteId)
    {
        var ids = await cluster.Reference<ISiteGrain>(siteId).ListResidentIdsAsync();
        var residents = await Task.WhenAll(ids.Select(id => cluster.Reference<IResidentGrain>($"{siteId}/{id}").GetAsync()));
        return [.. residents.OfType<Resident>()];
    }
}
