using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Ops.Contracts;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Sites;

public static class GateEndpoints
{
    public static RouteGroupBuilder MapGateEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/sites/{siteId}/gates/{gateId}", ProvisionAsync).RequireAuthorization(Policies.Admin);
        api.MapGet("/sites/{siteId}/gates", ListAsync).RequireAuthorization(Policies.Operator);
        api.MapGet("/sites/{siteId}/gates/{gateId}", GetAsync).RequireAuthorization(Policies.Operator);
        api.MapPost("/sites/{siteId}/gates/{gateId}/open", OpenAsync).RequireAuthorization(Policies.Operator);
        api.MapGet("/sites/{siteId}/gates/{gateId}/audit", AuditAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    /// <summary>Answers the <c>GateView</c> plus, when a secret was issued, <c>mqtt: {username, password}</c>.</summary>
    private static async Task<Results<Ok<JsonNode>, ValidationProblem, ProblemHttpResult>> ProvisionAsync(
        string siteId, string gateId, GateSpec? spec, bool? rotateSecret, ClaimsPrincipal user,
        IClusterClient cluster, IOptions<JsonOptions> json)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsGateId(gateId), "gateId", "must match [A-Za-z0-9][A-Za-z0-9_-]{0,31}")
            .Check(spec is not null, "body", "is required");
        if (spec is not null)
        {
            errors.Check(GateKind.IsKnown(spec.Kind), "kind", "must be vehicle or pedestrian")
                .Check(Direction.IsGateDirection(spec.Direction), "direction", "must be in, out or both")
                .Optional(spec.Name, "name", 100)
                .Optional(spec.Building, "building", 32)
                .Check(spec.HeartbeatSeconds is >= 1 and <= 3600, "heartbeatSeconds", "must be 1-3600")
                .Check(spec.OpenSeconds is >= 1 and <= 300, "openSeconds", "must be 1-300");
        }
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;

        var provisioned = await cluster.GetGrain<IGateGrain>(new GateAddress(siteId, gateId).Key)
            .ProvisionAsync(spec!, rotateSecret ?? false);
        var body = JsonSerializer.SerializeToNode(provisioned.Gate, json.Value.SerializerOptions)!;
        if (provisioned.Mqtt is { } mqtt)
            body["mqtt"] = JsonSerializer.SerializeToNode(mqtt, json.Value.SerializerOptions);
        return TypedResults.Ok(body);
    }

    public sealed record OpenRequest(string? Reason);

    /// <summary>An operator opens the gate from the control room (<c>granted.operator</c>), audited
    /// on the gate. 503 when no gateway is there to carry the command.</summary>
    private static async Task<Results<Ok<RemoteOpen>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        string siteId, string gateId, OpenRequest? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new FieldErrors().Required(body?.Reason, "reason", 500);
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await FindGateAsync(cluster, user, siteId, gateId) is { } missing)
            return missing;
        var opened = await Gate(cluster, siteId, gateId).OpenRemotelyAsync(user.Identity!.Name!, body!.Reason!.Trim());
        return opened.Gateways > 0
            ? TypedResults.Ok(opened)
            : TypedResults.Problem("The open was recorded, but no gateway is connected to carry it to the gate.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> AuditAsync(
        string siteId, string gateId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await FindGateAsync(cluster, user, siteId, gateId) is { } missing)
            return missing;
        return TypedResults.Ok(await Gate(cluster, siteId, gateId).AuditAsync());
    }

    private static IGateGrain Gate(IClusterClient cluster, string siteId, string gateId) =>
        cluster.GetGrain<IGateGrain>(new GateAddress(siteId, gateId).Key);

    private static async Task<ProblemHttpResult?> FindGateAsync(IClusterClient cluster, ClaimsPrincipal user, string siteId, string gateId)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return Identifiers.IsGateId(gateId) && await Gate(cluster, siteId, gateId).GetAsync() is not null
            ? null
            : Problem.NotFound($"There is no gate '{gateId}' at site '{siteId}'.");
    }

    private static async Task<Results<Ok<IReadOnlyList<GateView>>, ProblemHttpResult>> ListAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        return TypedResults.Ok(await cluster.GetGrain<ISiteGrain>(siteId).ListGatesAsync());
    }

    private static async Task<Results<Ok<GateView>, ProblemHttpResult>> GetAsync(
        string siteId, string gateId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var gate = Identifiers.IsGateId(gateId)
            ? await cluster.GetGrain<IGateGrain>(new GateAddress(siteId, gateId).Key).GetAsync()
            : null;
        return gate is null ? Problem.NotFound($"There is no gate '{gateId}' at site '{siteId}'.") : TypedResults.Ok(gate);
    }
}
