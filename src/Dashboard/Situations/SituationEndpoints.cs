using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts.Situations;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Situations;

public static class SituationEndpoints
{
    public sealed record NoteRequest(string? Note);

    public sealed record AssignRequest(string? Username);

    public sealed record TickRequest(bool Done = true, string? Note = null);

    public static RouteGroupBuilder MapSituationEndpoints(this RouteGroupBuilder api)
    {
        var situations = api.MapGroup("/situations").RequireAuthorization();
        situations.MapGet("/assigned", async (ClaimsPrincipal user, SituationDesk desk) =>
            TypedResults.Ok(await desk.AssignedAsync(user)));
        situations.MapGet("/{id}", async (string id, ClaimsPrincipal user, SituationDesk desk) =>
            Answer(await desk.GetAsync(user, id, withHistory: true)));
        situations.MapPost("/{id}/acknowledge", async (string id, NoteRequest? body, ClaimsPrincipal user, SituationDesk desk) =>
            Answer(await desk.AcknowledgeAsync(user, id, body?.Note)));
        situations.MapPost("/{id}/resolve", async (string id, NoteRequest? body, ClaimsPrincipal user, SituationDesk desk) =>
            Answer(await desk.ResolveAsync(user, id, body?.Note)));
        situations.MapPost("/{id}/assign", async (string id, AssignRequest? body, ClaimsPrincipal user, SituationDesk desk) =>
            Answer(await desk.AssignAsync(user, id, body?.Username)));
        situations.MapPost("/{id}/checklist/{step:int}", async (string id, int step, TickRequest? body, ClaimsPrincipal user, SituationDesk desk) =>
            Answer(await desk.TickAsync(user, id, step, body?.Done ?? true, body?.Note)));

        api.MapGet("/sites/{siteId}/situations", ListAsync).RequireAuthorization();
        return api;
    }

    /// <summary><c>state=open</c> (default): not resolved; <c>state=all</c>: everything raised from
    /// <c>from</c> (default 30 days ago) to <c>to</c> (default now), newest first.</summary>
    private static async Task<Results<Ok<IReadOnlyList<SituationView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string siteId, string? state, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time)
    {
        if (state is not (null or "open" or "all"))
            return Problem.Invalid(new FieldErrors().Check(false, "state", "must be open or all"));
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var situations = cluster.GetGrain<ISiteSituationsGrain>(siteId);
        if (state != "all")
            return TypedResults.Ok(await situations.ListOpenAsync());
        var until = to ?? time.GetUtcNow();
        return TypedResults.Ok(await situations.ListAllAsync(from ?? until.AddDays(-30), until));
    }

    public static Results<Ok<SituationView>, ValidationProblem, ProblemHttpResult> Answer(DeskResult result) => result.Outcome switch
    {
        DeskOutcome.Ok => TypedResults.Ok(result.View!),
        DeskOutcome.NotFound => Problem.NotFound(result.Detail),
        DeskOutcome.Forbidden => Problem.Forbidden(result.Detail),
        DeskOutcome.Conflict => Problem.Conflict(result.Detail),
        _ => Problem.Invalid(new FieldErrors().Check(false, result.Field ?? "body", result.Detail)),
    };
}
