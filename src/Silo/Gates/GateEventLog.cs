using Ops.Contracts.Gates;
using Ops.Silo.Storage;
using Orleans.Serialization;

namespace Ops.Silo.Gates;

/// <summary>A gate's processed events with the commands they got, appended to the store's log
/// <see cref="LogName"/> under the gate's key: one small row per event, committed with everything else the
/// event changed, instead of rewriting the gate's whole state. The newest <see cref="GateState.DedupWindow"/>
/// are kept, and held in memory while the gate is active.</summary>
public sealed class GateEventLog(StateStore store, Serializer serializer, string gateKey)
{
    public const string LogName = "gate-events";

    private readonly ProcessedWindow window = new(GateState.DedupWindow);
    private long next = 1;

    /// <summary>Reads the newest processed events back, after those stored in the gate's state by older versions.</summary>
    public async Task LoadAsync(IEnumerable<ProcessedEvent> stateBefore)
    {
        foreach (var processed in stateBefore)
            window.Add(processed);
        var tail = await store.ReadLogTailAsync(LogName, gateKey, GateState.DedupWindow);
        foreach (var entry in tail.Reverse())
            window.Add(serializer.Deserialize<ProcessedEvent>(entry.Payload)!);
        next = tail.Count > 0 ? tail[0].Sequence + 1 : 1;
    }

    public ProcessedEvent? Find(string eventId) => window.Find(eventId);

    public GateCommand? FindCommand(string commandId) => window.FindCommand(commandId);

    /// <summary>Returns once the event is durable. On a failure the event counts as not processed.</summary>
    public async Task RecordAsync(ProcessedEvent processed)
    {
        // Numbered before the write, so that a failed write's number is never reused.
        var sequence = next++;
        await store.AppendAsync(LogName, gateKey, sequence, serializer.SerializeToArray(processed));
        window.Add(processed);
        if (sequence % GateState.DedupWindow == 0)
            store.TrimAsync(LogName, gateKey, sequence - GateState.DedupWindow + 1).Ignore();
    }
}
