using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Ops.Contracts.Metrics;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text format (README, Configuration): open on loopback, an
/// operator's token from anywhere else.</summary>
public static class MetricsEndpoints
{
    public static WebApplication MapOpsMetrics(this WebApplication app)
    {
        app.MapGet("/metrics", RenderAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext context, IClusterClient cluster, IAuthorizationService authorization)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            if (context.User.Identity?.IsAuthenticated != true)
                return Results.Problem("Outside loopback /metrics needs a bearer token.", statusCode: StatusCodes.Status401Unauthorized);
            if (!(await authorization.AuthorizeAsync(context.User, Policies.Operator)).Succeeded)
                return Results.Problem("Only operators and admins read /metrics.", statusCode: StatusCodes.Status403Forbidden);
        }
        var counters = await cluster.GetGrain<IMetricsGrain>(0).SnapshotAsync();
        return Results.Text(Render(counters), "text/plain; version=0.0.4; charset=utf-8");
    }

    public static string Render(IReadOnlyDictionary<string, long> counters)
    {
        var text = new StringBuilder();
        text.Append("# HELP ops_up The dashboard answers and reaches the cluster.\n# TYPE ops_up gauge\nops_up 1\n");
        foreach (var family in counters.GroupBy(pair => pair.Key.Split('{')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("# TYPE ").Append(family.Key).Append(" counter\n");
            foreach (var (series, value) in family.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                text.Append(series).Append(' ').Append(value).Append('\n');
        }
        return text.ToString();
    }
}
