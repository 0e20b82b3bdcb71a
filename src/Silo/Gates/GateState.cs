using Ops.Contracts.Gates;
using Ops.Contracts.Situations;

namespace Ops.Silo.Gates;

[GenerateSerializer, Alias("ops.gate-state")]
public sealed class GateState
{
    /// <summary>How many processed events a gate remembers for deduplication. Gates redeliver only
    /// events whose acknowledgement they did not get, so the window needs to cover what is in flight.</summary>
    public const int DedupWindow = 200;

    [Id(0)] public GateSpec? Spec { get; set; }
    [Id(1)] public string? SecretHash { get; set; }
    /// <summary>Processed events as stored before they had their own log (<see cref="GateEventLog"/>): read into the
    /// window at activation and no longer written.</summary>
    [Id(2)] public List<ProcessedEvent> Recent { get; set; } = [];

    /// <summary>Remote opens and failed commands, newest last (at most <see cref="AuditSize"/>).</summary>
    [Id(3)] public List<HistoryEntry> Audit { get; set; } = [];

    public const int AuditSize = 500;

    public void Record(HistoryEntry entry)
    {
        Audit.Add(entry);
        if (Audit.Count > AuditSize)
            Audit.RemoveRange(0, Audit.Count - AuditSize);
    }
}
