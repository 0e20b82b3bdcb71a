using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Requests;

/// <summary>Special requests (the first of the "three specials"): a resident asks for something
/// outside the normal scope, and it becomes a tracked situation.</summary>
public static class RequestEndpoints
{
    public sealed record RequestBody(string? ResidentId, string? Kind, string? Detail, DateTimeOffset? DueAt);

    public static RouteGroupBuilder MapRequestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/sites/{siteId}/requests", PostAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Results<Ok<SituationView>, ValidationProblem, ProblemHttpResult>> PostAsync(
        string siteId, RequestBody? body, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsResidentId(body?.ResidentId), "residentId", "is required: the resident who asks")
            .Required(body?.Kind, "kind", 64)
            .Required(body?.Detail, "detail", 2000, multiLine: true)
            .Check(body?.DueAt is null || body.DueAt > time.GetUtcNow(), "dueAt", "must be in the future");
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var resident = await cluster.GetGrain<IResidentGrain>($"{siteId}/{body!.ResidentId}").GetAsync();
        if (resident is null)
            return Problem.Invalid(new FieldErrors().Check(false, "residentId", $"there is no resident '{body.ResidentId}' at site '{siteId}'"));

        var now = time.GetUtcNow();
        var view = await cluster.GetGrain<ISiteSituationsGrain>(siteId).RaiseAsync(new RaiseRequest
        {
            Kind = SituationKinds.Request,
            Severity = Severity.Minor,
            Subject = $"resident:{resident.ResidentId}:request:{Guid.NewGuid():N}",
            Title = $"Request of {resident.Name} ({resident.Unit}): {body.Kind}",
            Detail = body.Detail,
            DueAt = body.DueAt,
            ResidentId = resident.ResidentId,
            Unit = resident.Unit,
            At = now,
        });
        return TypedResults.Ok(view);
    }
}
