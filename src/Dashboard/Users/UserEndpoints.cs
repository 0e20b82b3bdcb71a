using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Users;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Users;

public static class UserEndpoints
{
    public const int MinimumPasswordLength = 8;

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/users/{username}", SetUserAsync).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem>> SetUserAsync(
        string username, UserSpec? spec, IClusterClient cluster)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsUsername(username), "username", "must be 1-64 letters, digits, '.', '_', '-' or '@'")
            .Check(spec is not null, "body", "is required");
        if (spec is not null)
        {
            errors.Check(spec.Password?.Length >= MinimumPasswordLength, "password", $"must have at least {MinimumPasswordLength} characters")
                .Check(Roles.IsKnown(spec.Role), "role", "must be admin, operator or staff")
                .Check(spec.DisplayName is null || spec.DisplayName.Length <= 100, "displayName", "must have at most 100 characters")
                .Check((spec.Sites ?? []).All(Identifiers.IsSiteId), "sites", "must be site ids");
        }
        if (errors.Any)
            return Problem.Invalid(errors);
        var user = await cluster.GetGrain<IUserGrain>(username).SetAsync(spec! with { Sites = spec.Sites ?? [] });
        return TypedResults.Ok(user);
    }
}
