using System.Diagnostics;
using System.Text.Json;

namespace Ops.Observability;

/// <summary>One span as <see cref="SpanFileExporter"/> writes it.</summary>
public sealed record SpanLine(
    string TraceId, string SpanId, string? ParentSpanId, string Name, string Source, string Kind,
    DateTimeOffset Start, double DurationMs, string Status, IReadOnlyDictionary<string, string?> Tags)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static SpanLine Of(Activity activity) => new(
        activity.TraceId.ToHexString(),
        activity.SpanId.ToHexString(),
        activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
        activity.DisplayName,
        activity.Source.Name,
        activity.Kind.ToString(),
        activity.StartTimeUtc,
        activity.Duration.TotalMilliseconds,
        activity.Status.ToString(),
        activity.TagObjects.ToDictionary(tag => tag.Key, tag => tag.Value?.ToString()));
}
