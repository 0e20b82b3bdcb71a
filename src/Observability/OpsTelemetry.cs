using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ops.Observability;

/// <summary>Logs, metrics and traces of one process of the hub, set up the same way in all three.</summary>
public static class OpsTelemetry
{
    /// <summary>Spans of the hub's own code: the gateway's handling of a gate message, the dashboard's push.</summary>
    public const string HubSource = "Ops.Hub";

    /// <summary>Orleans' spans of grain calls (with activity propagation) and of grain storage.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"];

    /// <summary>Orleans' own meter (messaging, activations, storage, ...).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans gauges that walk every activation of the silo each time they are read: with a few hundred thousand
    /// activations, reading them every second costs more than everything else an idle silo does.</summary>
    public static readonly IReadOnlySet<string> ActivationWalkingInstruments = new HashSet<string>
    {
        "orleans-messaging-processing-activation-data",
        "orleans-directory-cache-size",
    };

    public static readonly ActivitySource Source = new(HubSource);

    /// <summary>Sets up logging (plain or JSON lines on the console), OpenTelemetry metrics (the process adds its
    /// readers, and OTLP when configured) and traces (when an OTLP endpoint or a trace directory is configured).</summary>
    public static TelemetrySettings AddOpsTelemetry(this IHostApplicationBuilder builder, string serviceName,
        Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? tracing = null)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (settings.JsonLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(meters =>
            {
                meters.AddMeter(OrleansMeter);
                meters.AddView(instrument => instrument.Meter.Name == OrleansMeter && ActivationWalkingInstruments.Contains(instrument.Name)
                    ? MetricStreamConfiguration.Drop
                    : null);
                metrics?.Invoke(meters);
                if (settings.OtlpEndpoint is not null)
                    meters.AddOtlpExporter();
            });
        if (settings.Tracing)
        {
            telemetry.WithTracing(traces =>
            {
                traces.AddSource(HubSource).AddSource(OrleansSources);
                tracing?.Invoke(traces);
                if (settings.OtlpEndpoint is not null)
                    traces.AddOtlpExporter();
                if (settings.TraceDirectory is { } directory)
                    traces.AddProcessor(new SimpleActivityExportProcessor(new SpanFileExporter(Path.Combine(directory, serviceName + ".jsonl"))));
            });
        }
        return settings;
    }
}
