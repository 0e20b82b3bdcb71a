using Ops.Contracts.Gates;

namespace Ops.Silo.Gates;

[GenerateSerializer, Alias("ops.gate-state")]
public sealed class GateState
{
    /// <summary>How many processed events a gate remembers for deduplication. Gates redeliver only
    /// events whose acknowledgement they did not get, so the window needs to cover what is in flight.</summary>
    public const int DedupWindow = 200;

    [Id(0)] public GateSpec? Spec { get; set; }
    [Id(1)] public string? SecretHash { get; set; }
    [Id(2)] public List<ProcessedEvent> Recent { get; set; } = [];

    public ProcessedEvent? FindProcessed(string eventId) => Recent.Find(e => e.EventId == eventId);

    public void Remember(ProcessedEvent processed)
    {
        Recent.Add(processed);
        if (Recent.Count > DedupWindow)
            Recent.RemoveRange(0, Recent.Count - DedupWindow);
    }
}
