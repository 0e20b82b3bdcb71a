using System.Text.Json;

namespace Ops.EndToEnd.Telemetry;

/// <summary>The spans the hub's processes wrote to <c>OPS_TRACE_DIR</c>, one JSON line each, in a file per process.</summary>
public sealed record Span(string Process, string TraceId, string SpanId, string? ParentSpanId, string Name, string Source,
    IReadOnlyDictionary<string, string?> Tags)
{
    public static IReadOnlyList<Span> ReadAll(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.jsonl").SelectMany(file => Read(file, Path.GetFileNameWithoutExtension(file)))];

    private static IEnumerable<Span> Read(string file, string process)
    {
        // Shared for writing: the process goes on appending while the test reads.
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var spans = new List<Span>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            JsonElement json;
            try
            {
                json = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                continue; // a line being written
            }
            spans.Add(new Span(process, json.GetProperty("traceId").GetString()!, json.GetProperty("spanId").GetString()!,
                json.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
                json.GetProperty("name").GetString()!, json.GetProperty("source").GetString()!,
                json.GetProperty("tags").Deserialize<Dictionary<string, string?>>()!));
        }
        return spans;
    }
}
