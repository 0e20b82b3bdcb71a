using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Parking;
using Ops.Contracts.Residents;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Parking;

public static class VehicleEndpoints
{
    public static RouteGroupBuilder MapVehicleEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/sites/{siteId}/vehicles/{plate}", SetPassAsync).RequireAuthorization(Policies.Admin);
        api.MapGet("/sites/{siteId}/vehicles/{plate}", GetAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Results<Ok<VehicleView>, ValidationProblem, ProblemHttpResult>> SetPassAsync(
        string siteId, string plate, VehiclePass? pass, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsPlate(plate), "plate", "must be 2-16 letters and digits")
            .Check(pass is not null, "body", "is required");
        if (pass is not null)
        {
            errors.Check(PassKinds.IsKnown(pass.Kind), "kind", "must be monthly, owned, whitelist or blacklist")
                .Check(pass.ValidUntil is null || DateOnly.TryParseExact(pass.ValidUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "validUntil", "must be a date YYYY-MM-DD")
                .Check(pass.Kind != PassKinds.Monthly || pass.ValidUntil is not null, "validUntil", "is required for a monthly pass")
                .Check(pass.ResidentId is null || Identifiers.IsResidentId(pass.ResidentId), "residentId", "must be a resident id");
        }
        if (errors.Any)
            return Problem.Invalid(errors);
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        if (pass!.ResidentId is { } residentId && await cluster.GetGrain<IResidentGrain>($"{siteId}/{residentId}").GetAsync() is null)
            return Problem.Invalid(new FieldErrors().Check(false, "residentId", $"there is no resident '{residentId}' at site '{siteId}'"));
        return TypedResults.Ok(await Vehicle(cluster, siteId, plate).SetPassAsync(pass));
    }

    private static async Task<Results<Ok<VehicleView>, ProblemHttpResult>> GetAsync(
        string siteId, string plate, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        if (!Identifiers.IsPlate(plate))
            return Problem.NotFound($"'{plate}' is not a plate.");
        return TypedResults.Ok(await Vehicle(cluster, siteId, plate).GetAsync());
    }

    private static IVehicleGrain Vehicle(IClusterClient cluster, string siteId, string plate) =>
        cluster.GetGrain<IVehicleGrain>($"{siteId}/{Identifiers.NormalisePlate(plate)}");
}
