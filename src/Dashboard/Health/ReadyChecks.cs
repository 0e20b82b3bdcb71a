using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ops.Dashboard.Health;

/// <summary>The parts <c>/health/ready</c> checks, and its body: the overall status and each part's.</summary>
public static class ReadyChecks
{
    public const string Tag = "ready";
    public const string Cluster = "silo";
    public const string Broker = "broker";
    public const string Database = "database";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static IHealthChecksBuilder AddOpsReadyChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<ClusterCheck>(Cluster, tags: [Tag])
        .AddCheck<BrokerCheck>(Broker, tags: [Tag])
        .AddCheck<DatabaseCheck>(Database, tags: [Tag]);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
