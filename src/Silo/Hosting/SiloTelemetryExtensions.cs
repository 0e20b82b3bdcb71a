using Microsoft.Extensions.Hosting;
using Ops.Observability;

namespace Ops.Silo.Hosting;

public static class SiloTelemetryExtensions
{
    /// <summary>Logs, metrics and traces of the silo (docs/operations.md): grain calls carry the caller's trace,
    /// and the Orleans Dashboard's collectors run here for the dashboard process to show.</summary>
    public static IHostApplicationBuilder AddOpsSiloTelemetry(this IHostApplicationBuilder builder)
    {
        var settings = builder.AddOpsTelemetry("ops-silo");
        builder.UseOrleans(silo =>
        {
            // Propagation costs a filter on every grain call: only when some exporter takes the spans.
            if (settings.Tracing)
                silo.AddActivityPropagation();
            if (builder.Configuration["OPS_ORLEANS_DASHBOARD"] != "0")
                OrleansDashboardMeters.AddOpsOrleansDashboard(silo);
        });
        return builder;
    }
}
