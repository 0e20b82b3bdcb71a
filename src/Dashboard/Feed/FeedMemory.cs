using Ops.Contracts.Feed;

namespace Ops.Dashboard.Feed;

/// <summary>The recent past of the live feed in this dashboard process: per site the newest
/// <see cref="EventsKept"/> entries and the number of entries that arrived in each of the last
/// <see cref="Minutes"/> minutes. Kept in memory only, so it starts empty when the process starts;
/// at most <see cref="MaxSites"/> sites are tracked, the one that received an entry longest ago
/// making room for a new one.</summary>
public sealed class FeedMemory(TimeProvider time)
{
    public const int EventsKept = 200;
    public const int Minutes = 60;
    public const int MaxSites = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<SiteMemory>> sites = new(StringComparer.Ordinal);

    // Least recently touched first.
    private readonly LinkedList<SiteMemory> touched = new();

    public int SiteCount
    {
        get
        {
            lock (gate)
                return sites.Count;
        }
    }

    /// <summary>Takes the entries of one feed batch, counted in the minute they arrive.</summary>
    public void Record(IReadOnlyList<EventView> events)
    {
        if (events.Count == 0)
            return;
        var minute = MinuteOf(time.GetUtcNow());
        lock (gate)
        {
            foreach (var entry in events)
                Touch(entry.SiteId).Add(entry, minute);
        }
    }

    /// <summary>The newest entries of the site, newest first.</summary>
    public IReadOnlyList<EventView> Newest(string siteId, int limit)
    {
        lock (gate)
            return sites.TryGetValue(siteId, out var node) ? node.Value.Newest(limit) : [];
    }

    /// <summary>Entries that arrived in each of the <paramref name="count"/> minutes starting at
    /// <paramref name="firstMinute"/> (the start of a minute), oldest first; 0 for minutes no longer kept.</summary>
    public int[] PerMinute(string siteId, DateTimeOffset firstMinute, int count)
    {
        var first = MinuteOf(firstMinute);
        lock (gate)
        {
            var counts = new int[count];
            if (sites.TryGetValue(siteId, out var node))
            {
                for (var i = 0; i < count; i++)
                    counts[i] = node.Value.CountIn(first + i);
            }
            return counts;
        }
    }

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    private SiteMemory Touch(string siteId)
    {
        if (sites.TryGetValue(siteId, out var node))
        {
            if (node != touched.Last)
            {
                touched.Remove(node);
                touched.AddLast(node);
            }
            return node.Value;
        }
        if (sites.Count >= MaxSites && touched.First is { } oldest)
        {
            touched.RemoveFirst();
            sites.Remove(oldest.Value.SiteId);
        }
        node = touched.AddLast(new SiteMemory(siteId));
        sites[siteId] = node;
        return node.Value;
    }

    /// <summary>One site's ring of entries and per-minute counts; guarded by the memory's lock.</summary>
    private sealed class SiteMemory(string siteId)
    {
        private readonly EventView?[] events = new EventView?[EventsKept];
        private readonly long[] minuteOfSlot = new long[Minutes];
        private readonly int[] countOfSlot = new int[Minutes];
        private int next;
        private int stored;

        public string SiteId { get; } = siteId;

        public void Add(EventView entry, long minute)
        {
            events[next] = entry;
            next = (next + 1) % EventsKept;
            stored = Math.Min(stored + 1, EventsKept);
            var slot = (int)(minute % Minutes);
            if (minuteOfSlot[slot] != minute)
            {
                minuteOfSlot[slot] = minute;
                countOfSlot[slot] = 0;
            }
            countOfSlot[slot]++;
        }

        public IReadOnlyList<EventView> Newest(int limit)
        {
            var take = Math.Min(limit, stored);
            var newest = new EventView[take];
            for (var i = 0; i < take; i++)
                newest[i] = events[(next - 1 - i + EventsKept) % EventsKept]!;
            return newest;
        }

        public int CountIn(long minute)
        {
            var slot = (int)(minute % Minutes);
            return minute >= 0 && minuteOfSlot[slot] == minute ? countOfSlot[slot] : 0;
        }
    }
}
