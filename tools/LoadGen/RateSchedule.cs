using System.Diagnostics;

namespace Ops.LoadGen;

/// <summary>When each message of a publishing task is due. A total rate is split over
/// <see cref="Workers"/> tasks; task w sends its k-th message at (k * Workers + w) / rate seconds after
/// the start, so the tasks interleave evenly and together send exactly <c>rate</c> messages a second.
/// Pacing by schedule (not by a delay per message) keeps the rate when a send or a wake-up is late:
/// whatever fell due meanwhile is sent at once.</summary>
public sealed class RateSchedule
{
    public RateSchedule(double ratePerSecond, int workers, long start, double durationSeconds, long frequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        Rate = ratePerSecond;
        Workers = workers;
        Start = start;
        Frequency = frequency;
        Total = (long)Math.Round(ratePerSecond * durationSeconds);
    }

    public RateSchedule(double ratePerSecond, int workers, long start, double durationSeconds)
        : this(ratePerSecond, workers, start, durationSeconds, Stopwatch.Frequency)
    {
    }

    public double Rate { get; }

    public int Workers { get; }

    public long Start { get; }

    public long Frequency { get; }

    /// <summary>Messages of the whole step, over all tasks.</summary>
    public long Total { get; }

    /// <summary>How many messages task <paramref name="worker"/> sends in the step.</summary>
    public long CountFor(int worker) => Total <= worker ? 0 : (Total - 1 - worker) / Workers + 1;

    /// <summary>The timestamp at which task <paramref name="worker"/> sends its message number <paramref name="k"/>.</summary>
    public long DueAt(int worker, long k) => Start + (long)((k * Workers + worker) * Frequency / Rate);

    /// <summary>How many of task <paramref name="worker"/>'s messages are due at <paramref name="now"/>.</summary>
    public long DueBy(int worker, long now)
    {
        if (now < Start)
            return 0;
        var global = (long)Math.Floor((now - Start) * Rate / Frequency);
        // Messages with global index k * Workers + worker <= global.
        var due = global < worker ? 0 : (global - worker) / Workers + 1;
        return Math.Min(due, CountFor(worker));
    }
}
