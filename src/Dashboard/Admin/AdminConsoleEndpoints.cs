using System.Security.Claims;
using Ops.Contracts.Users;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Admin;

public static class AdminConsoleEndpoints
{
    public sealed record ConsoleSession(DateTimeOffset ExpiresAt, string OrleansDashboard, string ApiReference);

    /// <summary><c>POST /api/admin/console</c> (admin): sets the console cookie; <c>DELETE</c> removes it.</summary>
    public static RouteGroupBuilder MapAdminConsoleEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/admin/console", OpenConsole).RequireAuthorization(Policies.Admin);
        api.MapDelete("/admin/console", CloseConsole).RequireAuthorization();
        return api;
    }

    private static IResult OpenConsole(HttpContext http, ClaimsPrincipal principal, TokenIssuer issuer)
    {
        var (username, stamp) = TokenIssuer.Read(principal);
        var user = new UserView
        {
            Username = username!,
            Role = principal.FindFirstValue(ClaimTypes.Role)!,
            Sites = [.. principal.FindAll(TokenIssuer.SiteClaim).Select(claim => claim.Value)],
        };
        var (token, expiresAt) = issuer.Issue(user, stamp!, AdminConsole.Lifetime, console: true);
        http.Response.Cookies.Append(AdminConsole.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = expiresAt,
        });
        return TypedResults.Ok(new ConsoleSession(expiresAt, AdminConsole.OrleansPath + "/", AdminConsole.ReferencePath + "/"));
    }

    private static IResult CloseConsole(HttpContext http)
    {
        http.Response.Cookies.Delete(AdminConsole.CookieName, new CookieOptions { Path = "/" });
        return TypedResults.NoContent();
    }
}
