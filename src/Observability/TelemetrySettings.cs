using Microsoft.Extensions.Configuration;

namespace Ops.Observability;

/// <summary>The telemetry options every process reads (docs/operations.md): the log format, where spans go.</summary>
public sealed record TelemetrySettings(bool JsonLogs, string? OtlpEndpoint, string? TraceDirectory)
{
    /// <summary>Spans are recorded only when something receives them; otherwise no activity is created.</summary>
    public bool Tracing => OtlpEndpoint is not null || TraceDirectory is not null;

    public static TelemetrySettings From(IConfiguration configuration) => new(
        string.Equals(configuration["OPS_LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase),
        NullIfEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
        NullIfEmpty(configuration["OPS_TRACE_DIR"]) is { } directory ? Path.GetFullPath(directory) : null);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
