using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;
using Ops.Dashboard.Situations;
using Ops.Contracts.Users;

namespace Ops.Dashboard.Residents;

public static class ResidentEndpoints
{
    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/sites/{siteId}/residents/{residentId}", SaveAsync).RequireAuthorization(Policies.Admin);
        api.MapGet("/sites/{siteId}/residents/{residentId}", GetAsync).RequireAuthorization();
        api.MapGet("/sites/{siteId}/residents", SearchAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Results<Ok<Resident>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        string siteId, string residentId, Resident? resident, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = ResidentRules.Check(residentId, resident);
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var saved = await cluster.GetGrain<IResidentGrain>($"{siteId}/{residentId}")
            .SaveAsync(ResidentRules.Normalise(residentId, resident!));
        return saved.Resident is { } stored
            ? TypedResults.Ok(stored)
            : Problem.Conflict(ResidentConflict.Describe(saved) + ".");
    }

    private static async Task<Results<Ok<JsonNode>, ProblemHttpResult>> GetAsync(
        string siteId, string residentId, ClaimsPrincipal user, IClusterClient cluster, SituationDesk desk, IOptions<JsonOptions> json)
    {
        // Care tags and birthdays are for operators, and for staff sent to this resident.
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Operator)
            && !(await desk.AssignedAsync(user)).Any(s => s.SiteId == siteId && s.ResidentId == residentId))
            return Problem.Forbidden("Staff read a resident only for a situation assigned to them.");
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator)))
            return missing;
        var grain = cluster.GetGrain<IResidentGrain>($"{siteId}/{residentId}");
        var resident = Identifiers.IsResidentId(residentId) ? await grain.GetAsync() : null;
        if (resident is null)
            return Problem.NotFound($"There is no resident '{residentId}' at site '{siteId}'.");
        var body = JsonSerializer.SerializeToNode(resident, json.Value.SerializerOptions)!;
        body["presence"] = JsonSerializer.SerializeToNode(await grain.GetPresenceAsync(), json.Value.SerializerOptions);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<IReadOnlyList<Resident>>, ProblemHttpResult>> SearchAsync(
        string siteId, string? query, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return TypedResults.Ok(await ResidentDirectory.LoadAsync(cluster, siteId, query));
    }
}
