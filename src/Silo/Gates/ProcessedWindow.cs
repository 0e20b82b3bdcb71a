using Ops.Contracts.Gates;

namespace Ops.Silo.Gates;

/// <summary>A gate's last processed events, in memory, with the command each was answered with: what a
/// redelivered event gets again. The oldest drops out when the window is full.</summary>
public sealed class ProcessedWindow(int size)
{
    private readonly Queue<ProcessedEvent> order = new();
    private readonly Dictionary<string, ProcessedEvent> byEventId = new(StringComparer.Ordinal);

    public int Count => order.Count;

    public ProcessedEvent? Find(string eventId) => byEventId.GetValueOrDefault(eventId);

    /// <summary>The command sent with this id, if it answered an event still in the window.</summary>
    public GateCommand? FindCommand(string commandId) =>
        order.Select(processed => processed.Command).FirstOrDefault(command => command?.CommandId == commandId);

    public void Add(ProcessedEvent processed)
    {
        if (!byEventId.TryAdd(processed.EventId, processed))
            return;
        order.Enqueue(processed);
        while (order.Count > size)
            byEventId.Remove(order.Dequeue().EventId);
    }
}
