using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts.Care;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Care;

/// <summary>The lecture's story: a water outage in a building, and the households that need a visit.</summary>
public static class IncidentEndpoints
{
    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/sites/{siteId}/incidents", PostAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Results<Ok<IncidentPosted>, ValidationProblem, ProblemHttpResult>> PostAsync(
        string siteId, Incident? incident, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new FieldErrors()
            .Check(Incident.IsKind(incident?.Kind), "kind", "must be water-outage, power-outage, lift-outage or other")
            .Check(incident?.Title is { Length: > 0 and <= 200 } title && !string.IsNullOrWhiteSpace(title), "title", "is required (at most 200 characters)")
            .Check(incident?.Building is null || incident.Building.Length <= 32, "building", "must have at most 32 characters")
            .Check(incident?.Detail is null || incident.Detail.Length <= 2000, "detail", "must have at most 2000 characters");
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var scoped = incident! with { Building = string.IsNullOrWhiteSpace(incident.Building) ? null : incident.Building.Trim() };
        return TypedResults.Ok(await cluster.GetGrain<IIncidentGrain>(siteId).PostAsync(scoped, user.Identity!.Name!));
    }
}
