namespace Ops.Dashboard.Auth;

/// <summary>Counts failed sign-ins per key within a sliding window and refuses a key that reached the
/// limit until its oldest failure leaves the window. Attempts in progress count as failures until they
/// end, so a parallel flood cannot get more checks than the limit before its failures are known.</summary>
public sealed class FailureLimiter(int limit, TimeSpan window, TimeProvider time)
{
    /// <summary>What a caller refused only because attempts are still in progress is told to wait.</summary>
    private static readonly TimeSpan InProgressWait = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>Keys held now (for tests that memory stays bounded).</summary>
    public int Count
    {
        get
        {
            lock (sync)
                return entries.Count;
        }
    }

    /// <summary>Starts an attempt for the key, or says how long to wait; every started attempt must be ended.</summary>
    public bool TryBegin(string key, out TimeSpan retryAfter)
    {
        lock (sync)
        {
            var now = time.GetUtcNow();
            SweepIfDue(now);
            if (!entries.TryGetValue(key, out var entry))
                entries[key] = entry = new Entry();
            entry.Forget(now - window);
            if (entry.Failures.Count + entry.InProgress >= limit)
            {
                var wait = entry.Failures.TryPeek(out var oldest) ? oldest + window - now : InProgressWait;
                retryAfter = wait < InProgressWait ? InProgressWait : wait;
                return false;
            }
            entry.InProgress++;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    public void End(string key, bool failed)
    {
        lock (sync)
        {
            if (!entries.TryGetValue(key, out var entry))
                return;
            entry.InProgress--;
            if (failed)
                entry.Failures.Enqueue(time.GetUtcNow());
        }
    }

    /// <summary>Drops the keys with nothing in the window, at most once a window, so user names an
    /// attacker makes up do not pile up.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < nextSweep)
            return;
        nextSweep = now + window;
        foreach (var (key, entry) in entries.ToList())
        {
            entry.Forget(now - window);
            if (entry.InProgress == 0 && entry.Failures.Count == 0)
                entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public int InProgress { get; set; }

        public void Forget(DateTimeOffset before)
        {
            while (Failures.TryPeek(out var oldest) && oldest <= before)
                Failures.Dequeue();
        }
    }
}
