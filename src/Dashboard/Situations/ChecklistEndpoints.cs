using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts.Situations;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Situations;

/// <summary>The standard operating procedure per situation kind: built-in defaults a site can replace.</summary>
public static class ChecklistEndpoints
{
    public const int MaxSteps = 20;

    public sealed record ChecklistRequest(IReadOnlyList<string>? Steps);

    public static RouteGroupBuilder MapChecklistEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sites/{siteId}/checklists", GetAsync).RequireAuthorization(Policies.Operator);
        api.MapPut("/sites/{siteId}/checklists/{kind}", SetAsync).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyDictionary<string, IReadOnlyList<string>>>, ProblemHttpResult>> GetAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return TypedResults.Ok(await cluster.GetGrain<ISiteSituationsGrain>(siteId).GetChecklistsAsync());
    }

    private static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem, ProblemHttpResult>> SetAsync(
        string siteId, string kind, ChecklistRequest? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new FieldErrors()
            .Check(kind is { Length: > 0 and <= 64 } && kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), "kind", "must be a situation kind such as door-forced")
            .Check(body?.Steps is { Count: <= MaxSteps } steps && steps.All(step => step is { Length: > 0 and <= 200 } && TextRules.IsClean(step)), "steps",
                $"must be at most {MaxSteps} steps of 1-200 characters, without control or bidirectional-override characters");
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        await cluster.GetGrain<ISiteSituationsGrain>(siteId).SetChecklistAsync(kind, body!.Steps!);
        return TypedResults.Ok(body.Steps!);
    }
}
