using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry;

namespace Ops.Observability;

/// <summary>Writes each finished span as one JSON line to a file (<c>OPS_TRACE_DIR</c>): for looking at a trace
/// without a collector, and for the end-to-end test that follows one swipe through the processes.</summary>
public sealed class SpanFileExporter : BaseExporter<Activity>
{
    private readonly Lock writing = new();
    private readonly StreamWriter writer;

    public SpanFileExporter(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Shared for reading, so the spans can be followed while the process runs.
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public override ExportResult Export(in Batch<Activity> batch)
    {
        lock (writing)
        {
            foreach (var activity in batch)
                writer.WriteLine(JsonSerializer.Serialize(SpanLine.Of(activity), SpanLine.JsonOptions));
        }
        return ExportResult.Success;
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        lock (writing)
            writer.Dispose();
        return true;
    }
}
