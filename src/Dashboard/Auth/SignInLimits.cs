using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ops.Dashboard.Auth;

/// <summary>How fast <c>POST /api/auth/token</c> may be tried (<see cref="SignInOptions"/>): attempts per
/// source address with ASP.NET Core's rate limiter, failures per user name with <see cref="SignInGuard"/>.
/// A refusal is a 429 problem with <c>Retry-After</c>, answered before any password is hashed.</summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";

    public static WebApplicationBuilder AddSignInLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddSingleton<PasswordVerifier>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(2);
                return new ValueTask(TooManyAttempts(context.HttpContext, retryAfter).ExecuteAsync(context.HttpContext));
            };
            limiter.AddPolicy(Policy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value.AddressAttemptsPerMinute;
                // Behind a reverse proxy every client has the proxy's address; the hub is served directly.
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
                return RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }

    /// <summary>The 429 answer, with how many whole seconds to wait in <c>Retry-After</c>.</summary>
    public static ProblemHttpResult TooManyAttempts(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Too many sign-in attempts; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts");
    }
}
