using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts.Feed;
using Ops.Contracts.Situations;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Feed;

/// <summary>The live feed's recent past, from this process's <see cref="FeedMemory"/>, for screens that
/// open after the entries were pushed.</summary>
public static class FeedEndpoints
{
    // Situations raised before this are not looked at unless still open.
    private static readonly TimeSpan SituationLookBack = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapFeedEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sites/{siteId}/events", EventsAsync).RequireAuthorization(Policies.Operator);
        api.MapGet("/sites/{siteId}/activity", ActivityAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    /// <summary>The newest feed entries of the site, newest first; <c>limit</c> 1..200, default 200.</summary>
    private static async Task<Results<Ok<IReadOnlyList<EventView>>, ValidationProblem, ProblemHttpResult>> EventsAsync(
        string siteId, string? limit, ClaimsPrincipal user, IClusterClient cluster, FeedMemory memory)
    {
        // Parsed here rather than bound, so that a limit that is not a number is named like any other bad value.
        var count = FeedMemory.EventsKept;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && count is >= 1 and <= FeedMemory.EventsKept))
            return Problem.Invalid(new FieldErrors().Check(false, "limit", $"must be a whole number from 1 to {FeedMemory.EventsKept}"));
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return TypedResults.Ok(memory.Newest(siteId, count));
    }

    /// <summary>The last hour minute by minute: feed entries counted as they arrived at this process, and
    /// the situations open at the end of each minute by severity.</summary>
    private static async Task<Results<Ok<SiteActivity>, ProblemHttpResult>> ActivityAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster, FeedMemory memory, TimeProvider time)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var now = time.GetUtcNow();
        var situations = cluster.GetGrain<ISiteSituationsGrain>(siteId);
        var open = situations.ListOpenAsync();
        var recent = situations.ListAllAsync(now - SituationLookBack, now);
        await Task.WhenAll(open, recent);
        var events = memory.PerMinute(siteId, ActivityTimeline.FirstMinute(now), ActivityTimeline.Minutes);
        return TypedResults.Ok(ActivityTimeline.Build(now, events, open.Result.Concat(recent.Result)));
    }
}
