using System.Reflection;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Admin;

/// <summary>The admin console's own pages, built into the dashboard (nothing is loaded from another host):
/// <c>/admin/</c> signs an admin in and sets the console cookie, <c>/api-reference/</c> renders the OpenAPI document.</summary>
public static class ConsolePages
{
    public static WebApplication MapConsolePages(this WebApplication app)
    {
        // Routing ignores a trailing slash: this answers /admin and /admin/ (the pages link by absolute paths).
        app.MapGet("/admin/", () => Page("admin.html")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/admin/admin.js", () => Page("admin.js")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/admin/console.css", () => Page("console.css")).AllowAnonymous().ExcludeFromDescription();
        var reference = app.MapGroup(AdminConsole.ReferencePath).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        reference.MapGet("/", () => Page("reference.html"));
        reference.MapGet("/reference.js", () => Page("reference.js"));
        return app;
    }

    private static IResult Page(string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Ops.Dashboard.Admin.Pages.{name}")
            ?? throw new InvalidOperationException($"The page {name} is not built into the dashboard.");
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "text/css; charset=utf-8",
        };
        return TypedResults.Stream(stream, type);
    }
}
