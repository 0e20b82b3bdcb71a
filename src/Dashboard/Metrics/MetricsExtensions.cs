using Ops.Contracts.Metrics;
using Ops.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ops.Dashboard.Metrics;

public static class MetricsExtensions
{
    /// <summary>Telemetry of the dashboard (docs/operations.md): the hub's <c>ops_*</c> metrics with ASP.NET Core's
    /// and Orleans' own for <c>/metrics</c>, and traces of requests and pushes when traces are recorded.</summary>
    public static WebApplicationBuilder AddOpsMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HubMetrics>();
        builder.Services.AddHostedService<HubMetricsRefresher>();
        builder.AddOpsTelemetry("ops-dashboard",
            metrics => metrics
                .AddMeter(HubMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddView(HubMetrics.DecisionSecondsName, new ExplicitBucketHistogramConfiguration
                {
                    Boundaries = [.. LatencyHistogram.Bounds],
                })
                .AddPrometheusExporter(),
            traces => traces.AddAspNetCoreInstrumentation(options =>
                options.Filter = context => !context.Request.Path.StartsWithSegments("/metrics")
                    && !context.Request.Path.StartsWithSegments("/health")));
        return builder;
    }

    public static WebApplication MapOpsMetrics(this WebApplication app)
    {
        // HubMetrics creates its instruments when first resolved: before the first scrape.
        app.Services.GetRequiredService<HubMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(MetricsAccess.CheckAsync), optionsName: null)
            .AllowAnonymous();
        return app;
    }
}
