using Ops.Dashboard.Admin;

namespace Ops.Dashboard.Hosting;

/// <summary>Headers on every response of the dashboard: the web client loads only its own bundle from
/// this origin (the SignalR WebSocket included), and no other site may frame it.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The Orleans Dashboard (a page we ship but do not build) sets inline styles and embeds its fonts:
    /// those two are allowed under <c>/orleans</c> alone; its scripts still come only from this origin.</summary>
    public const string OrleansDashboardPolicy = ContentSecurityPolicy + "; style-src 'self' 'unsafe-inline'; font-src 'self' data:";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // Set as the response starts, so answers written after an exception handler cleared the headers carry them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                var headers = response.Headers;
                headers.ContentSecurityPolicy = response.HttpContext.Request.Path.StartsWithSegments(AdminConsole.OrleansPath)
                    ? OrleansDashboardPolicy
                    : ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
