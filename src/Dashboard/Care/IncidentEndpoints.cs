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
            .Required(incident?.Title, "title", 200)
            .Optional(incident?.Building, "building", 32)
            .Optional(incident?.Detail, "detail", 2000, multiLine: true);
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var scoped = incident! with { Building = string.IsNullOrWhiteSpace(incident.Building) ? null : incident.Building.Trim() };
        return TypedResults.Ok(await cluster.GetGrain<IIncidentGrain>(siteId).PostAsync(scoped, user.Identity!.Name!));
    }
}
