using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Sites;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Sites;

public static class SiteEndpoints
{
    public static RouteGroupBuilder MapSiteEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sites", ListSitesAsync).RequireAuthorization();
        api.MapPut("/sites/{siteId}", ConfigureSiteAsync).RequireAuthorization(Policies.Admin);
        api.MapGet("/sites/{siteId}", GetSiteAsync).RequireAuthorization();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SiteSummary>>> ListSitesAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        var sites = await cluster.GetGrain<ISiteDirectoryGrain>(0).ListAsync();
        return TypedResults.Ok<IReadOnlyList<SiteSummary>>([.. sites.Where(site => user.MaySee(site.SiteId))]);
    }

    private static async Task<Results<Ok<SiteConfig>, ValidationProblem>> ConfigureSiteAsync(
        string siteId, SiteConfig? config, IClusterClient cluster)
    {
        var errors = SiteConfigRules.Check(siteId, config);
        if (errors.Any)
            return Problem.Invalid(errors);
        var stored = config! with { Name = string.IsNullOrWhiteSpace(config.Name) ? siteId : config.Name.Trim() };
        return TypedResults.Ok(await cluster.GetGrain<ISiteGrain>(siteId).ConfigureAsync(stored));
    }

    private static async Task<Results<Ok<SiteConfig>, ProblemHttpResult>> GetSiteAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Identifiers.IsSiteId(siteId) || !user.MaySee(siteId))
            return Problem.NotFound($"There is no site '{siteId}' that you may see.");
        var config = await cluster.GetGrain<ISiteGrain>(siteId).GetConfigAsync();
        return config is null ? Problem.NotFound($"There is no site '{siteId}'.") : TypedResults.Ok(config);
    }

    /// <summary>Finds the site for a request on one of its parts (gates, residents): 404 when it does
    /// not exist or the caller may not see it.</summary>
    public static async Task<ProblemHttpResult?> FindAsync(IClusterClient cluster, ClaimsPrincipal user, string siteId)
    {
        if (!Identifiers.IsSiteId(siteId) || !user.MaySee(siteId)
            || await cluster.GetGrain<ISiteGrain>(siteId).GetConfigAsync() is null)
            return Problem.NotFound($"There is no site '{siteId}' that you may see.");
        return null;
    }
}
