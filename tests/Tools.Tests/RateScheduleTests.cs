using Ops.LoadGen;

namespace Ops.Tools.Tests;

public sealed class RateScheduleTests
{
    private const long Frequency = 1_000_000;

    [Theory]
    [InlineData(1000, 4, 10.0)]
    [InlineData(40000, 4, 10.0)]
    [InlineData(250, 3, 2.0)]
    [InlineData(7, 4, 1.0)]
    public void The_tasks_together_send_rate_times_duration(int rate, int workers, double seconds)
    {
        var schedule = new RateSchedule(rate, workers, 0, seconds, Frequency);

        Assert.Equal((long)(rate * seconds), schedule.Total);
        Assert.Equal(schedule.Total, Enumerable.Range(0, workers).Sum(schedule.CountFor));
    }

    [Fact]
    public void Messages_of_all_tasks_interleave_evenly_in_time()
    {
        var schedule = new RateSchedule(1000, 4, 500, 1, Frequency);
        var times = Enumerable.Range(0, 4)
            .SelectMany(w => Enumerable.Range(0, (int)schedule.CountFor(w)).Select(k => schedule.DueAt(w, k)))
            .Order()
            .ToArray();

        Assert.Equal(500, times[0]);
        // 1000 a second: one every millisecond, whichever task sends it.
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(1000, pair.Second - pair.First));
    }

    [Fact]
    public void Due_counts_follow_the_schedule_and_stop_at_the_tasks_share()
    {
        var schedule = new RateSchedule(100, 2, 1000, 1, Frequency);

        Assert.Equal(0, schedule.DueBy(0, 999));
        Assert.Equal(1, schedule.DueBy(0, 1000));
        Assert.Equal(0, schedule.DueBy(1, 1000));
        Assert.Equal(1, schedule.DueBy(1, 1000 + 10_000));
        for (var k = 0; k < schedule.CountFor(0); k++)
        {
            Assert.Equal(k + 1, schedule.DueBy(0, schedule.DueAt(0, k)));
            Assert.Equal(k, schedule.DueBy(0, schedule.DueAt(0, k) - 1));
        }
        Assert.Equal(50, schedule.DueBy(0, long.MaxValue / 1000));
    }

    [Fact]
    public void A_late_wake_up_finds_everything_that_fell_due_meanwhile()
    {
        var schedule = new RateSchedule(10_000, 1, 0, 1, Frequency);

        // 25 ms late at the start: 251 messages (0 ms .. 25 ms inclusive) are due at once.
        Assert.Equal(251, schedule.DueBy(0, 25_000));
    }
}
