using Ops.Contracts.Feed;
using Ops.Dashboard.Feed;

namespace Ops.Dashboard.Tests.Feed;

public sealed class FeedMemoryTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-03-01T10:00:15Z");

    private readonly ManualTime time = new(Start);

    private FeedMemory Memory() => new(time);

    private static EventView Entry(string siteId, int n) => new()
    {
        SiteId = siteId,
        GateId = "door-1",
        EventId = $"ev-{n}",
        Type = "card.swiped",
        At = Start,
    };

    [Fact]
    public void A_site_keeps_its_newest_200_entries_newest_first()
    {
        var memory = Memory();
        memory.Record([.. Enumerable.Range(1, 150).Select(n => Entry("a", n))]);
        memory.Record([.. Enumerable.Range(151, 100).Select(n => Entry("a", n))]);

        var newest = memory.Newest("a", 200);

        Assert.Equal(200, newest.Count);
        Assert.Equal("ev-250", newest[0].EventId);
        Assert.Equal("ev-51", newest[^1].EventId);
        Assert.Equal(["ev-250", "ev-249", "ev-248"], memory.Newest("a", 3).Select(e => e.EventId));
    }

    [Fact]
    public void Sites_are_kept_apart_and_an_unknown_site_has_nothing()
    {
        var memory = Memory();
        memory.Record([Entry("a", 1), Entry("b", 2), Entry("a", 3)]);

        Assert.Equal(["ev-3", "ev-1"], memory.Newest("a", 10).Select(e => e.EventId));
        Assert.Equal(["ev-2"], memory.Newest("b", 10).Select(e => e.EventId));
        Assert.Empty(memory.Newest("c", 10));
        Assert.Equal(new int[3], memory.PerMinute("c", Start.AddSeconds(-15), 3));
    }

    [Fact]
    public void Entries_are_counted_in_the_minute_they_arrive()
    {
        var memory = Memory();
        var first = DateTimeOffset.Parse("2025-03-01T10:00:00Z");
        memory.Record([Entry("a", 1), Entry("a", 2)]);
        time.Now = Start.AddMinutes(2);
        memory.Record([Entry("a", 3)]);

        Assert.Equal([2, 0, 1, 0], memory.PerMinute("a", first, 4));
    }

    [Fact]
    public void Counts_older_than_an_hour_are_forgotten_even_when_their_slot_is_reused_later()
    {
        var memory = Memory();
        var first = DateTimeOffset.Parse("2025-03-01T10:00:00Z");
        memory.Record([Entry("a", 1)]);
        time.Now = Start.AddMinutes(60);
        memory.Record([Entry("a", 2), Entry("a", 3)]);

        Assert.Equal([0], memory.PerMinute("a", first, 1));
        Assert.Equal([2], memory.PerMinute("a", first.AddMinutes(60), 1));
        time.Now = Start.AddMinutes(120);
        Assert.Equal([0], memory.PerMinute("a", first.AddMinutes(120), 1));
    }

    [Fact]
    public void Beyond_the_site_limit_the_site_touched_longest_ago_is_dropped()
    {
        var memory = Memory();
        for (var i = 0; i < FeedMemory.MaxSites; i++)
            memory.Record([Entry($"s{i}", i)]);
        memory.Record([Entry("s0", -1)]);

        memory.Record([Entry("new", 0)]);

        Assert.Equal(FeedMemory.MaxSites, memory.SiteCount);
        Assert.NotEmpty(memory.Newest("s0", 1));
        Assert.Empty(memory.Newest("s1", 1));
        Assert.NotEmpty(memory.Newest("new", 1));
    }

    [Fact]
    public async Task Entries_recorded_from_many_threads_are_all_counted()
    {
        var memory = Memory();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
                memory.Record([Entry("a", t * 1000 + i)]);
        })));

        Assert.Equal([8000], memory.PerMinute("a", DateTimeOffset.Parse("2025-03-01T10:00:00Z"), 1));
        Assert.Equal(200, memory.Newest("a", 200).Count);
    }
}
