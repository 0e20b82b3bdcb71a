using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Users;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Feed;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Users;

public static class UserEndpoints
{
    public const int MinimumPasswordLength = 8;

    /// <summary>Longer passwords only make each sign-in's hash slower.</summary>
    public const int MaximumPasswordLength = 256;

    /// <summary>Sites one user is given; an admin sees every site without a list.</summary>
    public const int MaxSites = 500;

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeAsync).RequireAuthorization();
        api.MapGet("/users", ListUsersAsync).RequireAuthorization(Policies.Admin);
        api.MapPut("/users/{username}", SetUserAsync).RequireAuthorization(Policies.Admin);
        api.MapGet("/sites/{siteId}/users", ListSiteUsersAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    /// <summary>The caller as stored now (role and sites may have changed since the token was issued).</summary>
    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        var username = user.Identity?.Name;
        var me = Identifiers.IsUsername(username) ? await cluster.GetGrain<IUserGrain>(username!).GetAsync() : null;
        return me is null ? Problem.Unauthorized("The user of this token does not exist.") : TypedResults.Ok(me);
    }

    private static async Task<Ok<IReadOnlyList<UserView>>> ListUsersAsync(IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IUserDirectoryGrain>(0).ListAsync());

    /// <summary>Whom a situation of the site can be assigned to: the admins and the users given the site.</summary>
    private static async Task<Results<Ok<IReadOnlyList<SiteUser>>, ProblemHttpResult>> ListSiteUsersAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var users = await cluster.GetGrain<IUserDirectoryGrain>(0).ListSiteAsync(siteId);
        return TypedResults.Ok<IReadOnlyList<SiteUser>>([.. users.Select(u => new SiteUser(u.Username, u.DisplayName, u.Role))]);
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem>> SetUserAsync(
        string username, UserSpec? spec, IClusterClient cluster, UserStamps stamps, UserConnections connections)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsUsername(username), "username", "must be 1-64 letters, digits, '.', '_', '-' or '@'")
            .Check(spec is not null, "body", "is required");
        if (spec is not null)
        {
            errors.Check(spec.Password?.Length is >= MinimumPasswordLength and <= MaximumPasswordLength, "password",
                    $"must have {MinimumPasswordLength}-{MaximumPasswordLength} characters")
                .Check(Roles.IsKnown(spec.Role), "role", "must be admin, operator or staff")
                .Optional(spec.DisplayName, "displayName", 100)
                .Count(spec.Sites, "sites", MaxSites)
                .Check((spec.Sites ?? []).All(site => site is not null && Identifiers.IsSiteId(site)), "sites", "must be site ids");
        }
        if (errors.Any)
            return Problem.Invalid(errors);
        var user = await cluster.GetGrain<IUserGrain>(username).SetAsync(spec! with { Sites = spec.Sites ?? [] });
        // A new password, role or sites end the user's older tokens: here at once, on other dashboards within the stamp cache time.
        stamps.Forget(username);
        await connections.CloseStaleAsync(username);
        return TypedResults.Ok(user);
    }
}
