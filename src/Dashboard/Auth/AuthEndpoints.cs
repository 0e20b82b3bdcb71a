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
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy);
        return api;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest? request, HttpContext http, IClusterClient cluster, TokenIssuer issuer, SignInGuard guard,
        PasswordVerifier verifier)
    {
        var errors = new FieldErrors()
            .Check(!string.IsNullOrEmpty(request?.Username), "username", "is required")
            .Check(!string.IsNullOrEmpty(request?.Password), "password", "is required");
        if (errors.Any)
            return Problem.Invalid(errors);
        // Names that cannot exist share one key, so made-up ones do not each get a fresh allowance.
        var username = Identifiers.IsUsername(request!.Username) ? request.Username! : "";
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
        if (!guard.TryBegin(username, address, out var retryAfter))
            return SignInLimits.TooManyAttempts(http, retryAfter);
        var failed = false;
        try
        {
            var credentials = username.Length > 0 ? await cluster.GetGrain<IUserGrain>(username).GetCredentialsAsync() : null;
            // Checked here and not in the user's grain, so attempts do not queue on it; a missing user costs the same.
            failed = !await verifier.VerifyAsync(request.Password!, credentials?.PasswordHash, http.RequestAborted);
            if (failed)
                return Problem.Unauthorized("Unknown user or wrong password.");
            var (token, expiresAt) = issuer.Issue(credentials!.User, credentials.Stamp);
            return TypedResults.Ok(new TokenResponse(token, expiresAt, credentials.User.Role));
        }
        finally
        {
            guard.End(username, address, failed);
        }
    }
}
