namespace Ops.LoadGen;

/// <summary>The one table of a step's timestamps, keyed by (gate, event): when each event was published,
/// when its decision reached the gate and when it appeared on the live feed. Event ids are
/// <c>{step}-{sequence}</c>, the sequence counting per gate, so a lookup is two array indexes and a late
/// answer to an earlier step is recognised and ignored. 0 means "not yet".</summary>
public sealed class TimestampTable
{
    private readonly long[][] sent;
    private readonly long[][] decided;
    private readonly long[][] pushed;
    private readonly int[] counts;

    public TimestampTable(int step, int gates, int capacityPerGate)
    {
        Step = step;
        sent = new long[gates][];
        decided = new long[gates][];
        pushed = new long[gates][];
        counts = new int[gates];
        for (var gate = 0; gate < gates; gate++)
        {
            sent[gate] = new long[capacityPerGate];
            decided[gate] = new long[capacityPerGate];
            pushed[gate] = new long[capacityPerGate];
        }
    }

    public int Step { get; }

    public int Gates => counts.Length;

    /// <summary>Events published by a gate so far in the step.</summary>
    public int SentCount(int gate) => Volatile.Read(ref counts[gate]);

    /// <summary>Reserves the next sequence number of a gate and records its publish time. Only the task
    /// that owns the gate calls this.</summary>
    public int RecordSent(int gate, long timestamp)
    {
        var sequence = counts[gate];
        if (sequence >= sent[gate].Length)
            return -1;
        sent[gate][sequence] = timestamp;
        Volatile.Write(ref counts[gate], sequence + 1);
        return sequence;
    }

    public static string EventId(int step, int sequence) => $"{step}-{sequence}";

    /// <summary>Parses an event id of this generator; false for anything else.</summary>
    public static bool TryParseEventId(ReadOnlySpan<char> eventId, out int step, out int sequence)
    {
        step = sequence = 0;
        var dash = eventId.IndexOf('-');
        return dash > 0 && int.TryParse(eventId[..dash], out step) && int.TryParse(eventId[(dash + 1)..], out sequence);
    }

    public void RecordDecided(int gate, int sequence, long timestamp) => RecordFirst(decided, gate, sequence, timestamp);

    public void RecordPushed(int gate, int sequence, long timestamp) => RecordFirst(pushed, gate, sequence, timestamp);

    public long Sent(int gate, int sequence) => sent[gate][sequence];

    public long Decided(int gate, int sequence) => Volatile.Read(ref decided[gate][sequence]);

    public long Pushed(int gate, int sequence) => Volatile.Read(ref pushed[gate][sequence]);

    /// <summary>True when every event sent so far has its decision.</summary>
    public bool AllDecided()
    {
        for (var gate = 0; gate < counts.Length; gate++)
        {
            var count = SentCount(gate);
            for (var sequence = 0; sequence < count; sequence++)
                if (Decided(gate, sequence) == 0)
                    return false;
        }
        return true;
    }

    private void RecordFirst(long[][] table, int gate, int sequence, long timestamp)
    {
        // A redelivered answer keeps the first arrival; a sequence never sent is not ours.
        if ((uint)sequence < (uint)SentCount(gate))
            Interlocked.CompareExchange(ref table[gate][sequence], timestamp, 0);
    }
}
