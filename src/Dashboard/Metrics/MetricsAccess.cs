using System.Net;
using Microsoft.AspNetCore.Authorization;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Metrics;

/// <summary>Who may read <c>/metrics</c>: anyone on loopback (a local Prometheus), an operator's or admin's
/// token from anywhere else.</summary>
public static class MetricsAccess
{
    public static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await Refuse(context, StatusCodes.Status401Unauthorized, "Outside loopback /metrics needs a bearer token.");
                return;
            }
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.User, Policies.Operator)).Succeeded)
            {
                await Refuse(context, StatusCodes.Status403Forbidden, "Only operators and admins read /metrics.");
                return;
            }
        }
        await next(context);
    }

    private static Task Refuse(HttpContext context, int status, string detail) =>
        Results.Problem(detail, statusCode: status).ExecuteAsync(context);
}
