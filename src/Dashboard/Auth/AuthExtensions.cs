using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Ops.Contracts.Users;
using Ops.Dashboard.Admin;
using Ops.Dashboard.Hosting;

namespace Ops.Dashboard.Auth;

public static class AuthExtensions
{
    public static WebApplicationBuilder AddOpsAuth(this WebApplicationBuilder builder, DashboardSettings settings)
    {
        var key = SigningKey.LoadOrCreate(settings.DataDirectory);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<UserStamps>();
        builder.AddSignInLimits();
        builder.Services.AddHostedService<AdminBootstrap>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = TokenIssuer.Issuer,
                ValidAudience = TokenIssuer.Issuer,
                IssuerSigningKey = key,
                NameClaimType = System.Security.Claims.ClaimTypes.Name,
                RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            // Browsers cannot set headers on WebSockets; the SignalR hub also takes ?access_token=.
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    var token = context.Request.Query["access_token"];
                    if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        context.Token = token;
                    // Pages an admin's browser opens by navigating (no header): the short-lived console cookie.
                    else if (AdminConsole.CookieToken(context.Request) is { } cookie)
                    {
                        context.Token = cookie;
                        context.HttpContext.Items[TokenIssuer.ConsoleClaim] = true;
                    }
                    return Task.CompletedTask;
                },
                // A token issued before the user's password, role or sites changed (or without a stamp) is refused.
                OnTokenValidated = async context =>
                {
                    // The console cookie's token is good for the console pages alone, not as a bearer token anywhere.
                    if (context.Principal?.HasClaim(claim => claim.Type == TokenIssuer.ConsoleClaim) == true
                        && !context.HttpContext.Items.ContainsKey(TokenIssuer.ConsoleClaim))
                    {
                        context.Fail("A console token opens the admin pages only.");
                        return;
                    }
                    var (username, stamp) = TokenIssuer.Read(context.Principal);
                    var stamps = context.HttpContext.RequestServices.GetRequiredService<UserStamps>();
                    if (!await stamps.IsCurrentAsync(username, stamp))
                        context.Fail("The user changed since this token was issued; sign in again.");
                },
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Operator, policy => policy.RequireRole(Roles.Admin, Roles.Operator));
        return builder;
    }
}
