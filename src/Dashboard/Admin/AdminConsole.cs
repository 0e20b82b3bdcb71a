namespace Ops.Dashboard.Admin;

/// <summary>The admins' pages a browser opens by navigating, which sends no bearer header: the Orleans Dashboard
/// and the API reference. An admin's token buys a short-lived cookie for them (<c>POST /api/admin/console</c>);
/// the cookie is read on these paths alone, never for the API or the hub.</summary>
public static class AdminConsole
{
    public const string CookieName = "ops_console";
    public const string OrleansPath = "/orleans";
    public const string ReferencePath = "/api-reference";
    public const string OpenApiPath = "/openapi";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private static readonly string[] CookiePaths = [OrleansPath, ReferencePath, OpenApiPath];

    /// <summary>The console cookie's token when the request has no other and goes to a console page.</summary>
    public static string? CookieToken(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0 || !CookiePaths.Any(path => request.Path.StartsWithSegments(path)))
            return null;
        return request.Cookies.TryGetValue(CookieName, out var token) && !string.IsNullOrEmpty(token) ? token : null;
    }
}
