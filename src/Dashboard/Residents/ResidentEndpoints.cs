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

namespace Ops.Dashboard.Residents;

public static class ResidentEndpoints
{
    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/sites/{siteId}/residents/{residentId}", SaveAsync).RequireAuthorization(Policies.Admin);
        api.MapGet("/sites/{siteId}/residents/{residentId}", GetAsync).RequireAuthorization(Policies.Operator);
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
        string siteId, string residentId, ClaimsPrincipal user, IClusterClient cluster, IOptions<JsonOptions> json)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
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
        var residents = await SiteResidents.LoadAsync(cluster, siteId);
        return TypedResults.Ok<IReadOnlyList<Resident>>([.. residents.Where(resident => ResidentSearch.Matches(resident, query))]);
    }
}
