using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Users;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Auth;

public static class AuthEndpoints
{
    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string Role);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous();
        return api;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest? request, IClusterClient cluster, TokenIssuer issuer)
    {
        var errors = new FieldErrors()
            .Check(!string.IsNullOrEmpty(request?.Username), "username", "is required")
            .Check(!string.IsNullOrEmpty(request?.Password), "password", "is required");
        if (errors.Any)
            return Problem.Invalid(errors);
        var user = Identifiers.IsUsername(request!.Username)
            ? await cluster.GetGrain<IUserGrain>(request.Username!).SignInAsync(request.Password!)
            : null;
        if (user is null)
            return Problem.Unauthorized("Unknown user or wrong password.");
        var (token, expiresAt) = issuer.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, user.Role));
    }
}
