using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts.Situations;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Situations;

public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStatsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sites/{siteId}/stats/response", ResponseAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    /// <summary>Response times of the situations raised from <c>from</c> (default 30 days before
    /// <c>to</c>) to <c>to</c> (default now), per user and per kind.</summary>
    private static async Task<Results<Ok<ResponseStats>, ValidationProblem, ProblemHttpResult>> ResponseAsync(
        string siteId, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time)
    {
        var until = to ?? time.GetUtcNow();
        var since = from ?? until.AddDays(-30);
        if (since >= until)
            return Problem.Invalid(new FieldErrors().Check(false, "from", "must be before to"));
        if (until - since > TimeSpan.FromDays(400))
            return Problem.Invalid(new FieldErrors().Check(false, "from", "the period is at most 400 days"));
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return TypedResults.Ok(await cluster.GetGrain<ISiteSituationsGrain>(siteId).StatsAsync(since, until));
    }
}
