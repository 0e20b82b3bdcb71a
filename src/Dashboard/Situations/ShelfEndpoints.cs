using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Situations;

/// <summary>Shelving: an operator silences one kind of situation at one gate for a while. Situations
/// raised meanwhile are recorded but not announced; when the shelf ends they are.</summary>
public static class ShelfEndpoints
{
    public const int MaxSeconds = 24 * 60 * 60;

    /// <summary>How long: <c>minutes</c>, or <c>seconds</c> for a finer period.</summary>
    public sealed record ShelveRequest(string? Kind, int? Minutes, int? Seconds, string? Reason)
    {
        public int? DurationSeconds => Seconds ?? Minutes * 60;
    }

    public static RouteGroupBuilder MapShelfEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/sites/{siteId}/gates/{gateId}/shelve", ShelveAsync).RequireAuthorization(Policies.Operator);
        api.MapDelete("/sites/{siteId}/gates/{gateId}/shelve/{kind}", UnshelveAsync).RequireAuthorization(Policies.Operator);
        api.MapGet("/sites/{siteId}/shelves", ListAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Results<Ok<Shelf>, ValidationProblem, ProblemHttpResult>> ShelveAsync(
        string siteId, string gateId, ShelveRequest? body, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time)
    {
        var errors = new FieldErrors()
            .Check(body?.Kind is { Length: > 0 and <= 64 } kind && TextRules.IsClean(kind), "kind", "is required: the kind of situation to shelve, such as door-held (at most 64 characters)")
            .Check(body?.DurationSeconds is > 0 and <= MaxSeconds, "minutes", $"minutes (or seconds) must give 1 s to {MaxSeconds / 3600} h")
            .Required(body?.Reason, "reason", 500);
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        if (!Identifiers.IsGateId(gateId) || await cluster.GetGrain<IGateGrain>(new GateAddress(siteId, gateId).Key).GetAsync() is null)
            return Problem.NotFound($"There is no gate '{gateId}' at site '{siteId}'.");
        var shelf = new Shelf(gateId, body!.Kind!, time.GetUtcNow().AddSeconds(body.DurationSeconds!.Value), user.Identity!.Name!, body.Reason!);
        return TypedResults.Ok(await cluster.GetGrain<ISiteSituationsGrain>(siteId).ShelveAsync(shelf));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnshelveAsync(
        string siteId, string gateId, string kind, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return await cluster.GetGrain<ISiteSituationsGrain>(siteId).UnshelveAsync(gateId, kind, user.Identity!.Name!)
            ? TypedResults.NoContent()
            : Problem.NotFound($"{kind} is not shelved at gate '{gateId}'.");
    }

    private static async Task<Results<Ok<IReadOnlyList<Shelf>>, ProblemHttpResult>> ListAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return TypedResults.Ok(await cluster.GetGrain<ISiteSituationsGrain>(siteId).ListShelvesAsync());
    }
}
