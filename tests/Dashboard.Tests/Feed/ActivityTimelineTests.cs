using Ops.Contracts.Situations;
using Ops.Dashboard.Feed;

namespace Ops.Dashboard.Tests.Feed;

public sealed class ActivityTimelineTests
{
    // The hour shown ends with the minute 10:59; the first minute starts at 10:00.
    private static readonly DateTimeOffset Now = At("10:59:30");

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse($"2025-03-01T{time}Z");

    private static SituationView Situation(string raisedAt, string? resolvedAt = null, string severity = Severity.Major,
        string? id = null, bool shelved = false, string? groupedInto = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        SiteId = "s",
        Kind = "door-held",
        Severity = severity,
        State = resolvedAt is null ? SituationStates.Raised : SituationStates.Resolved,
        Title = "Door held open",
        RaisedAt = At(raisedAt),
        LastAt = At(raisedAt),
        ResolvedAt = resolvedAt is null ? null : At(resolvedAt),
        Shelved = shelved,
        GroupedInto = groupedInto,
    };

    private static readonly int[] NoEvents = new int[ActivityTimeline.Minutes];

    private static ActivityMinute MinuteEnding(SiteActivity activity, string end) =>
        Assert.Single(activity.Minutes, minute => minute.At.AddMinutes(1) == At(end));

    [Fact]
    public void The_hour_is_sixty_minutes_oldest_first_from_the_start_of_a_minute_up_to_now()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents, []);

        Assert.Equal(At("10:00:00"), activity.From);
        Assert.Equal(Now, activity.To);
        Assert.Equal(60, activity.Minutes.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => At("10:00:00").AddMinutes(i)), activity.Minutes.Select(m => m.At));
        Assert.All(activity.Minutes, minute => Assert.Equal(TimeSpan.Zero, minute.At.Offset));
    }

    [Fact]
    public void The_first_minute_is_in_utc_whatever_the_offset_of_now()
    {
        var first = ActivityTimeline.FirstMinute(DateTimeOffset.Parse("2025-03-01T18:59:30+08:00"));

        Assert.Equal(At("10:00:00"), first);
        Assert.Equal(TimeSpan.Zero, first.Offset);
    }

    [Fact]
    public void The_event_counts_are_placed_in_their_minutes()
    {
        var events = Enumerable.Range(1, 60).ToArray();

        var activity = ActivityTimeline.Build(Now, events, []);

        Assert.Equal(events, activity.Minutes.Select(m => m.Events));
    }

    [Fact]
    public void A_situation_counts_in_each_minute_at_whose_end_it_was_open()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents, [Situation("10:05:30", "10:20:10")]);

        Assert.Equal(0, MinuteEnding(activity, "10:05:00").Major);
        Assert.Equal(1, MinuteEnding(activity, "10:06:00").Major);
        Assert.Equal(1, MinuteEnding(activity, "10:20:00").Major);
        Assert.Equal(0, MinuteEnding(activity, "10:21:00").Major);
        Assert.Equal(15, activity.Minutes.Sum(m => m.Major));
    }

    [Fact]
    public void A_situation_raised_and_resolved_within_one_minute_never_counts()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents, [Situation("10:30:05", "10:30:50")]);

        Assert.All(activity.Minutes, minute => Assert.Equal(0, minute.Major));
    }

    [Fact]
    public void An_unresolved_situation_counts_up_to_the_current_minute_which_ends_now()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents, [Situation("10:59:10", severity: Severity.Critical)]);

        Assert.Equal(1, activity.Minutes[^1].Critical);
        Assert.Equal(0, activity.Minutes[^2].Critical);
    }

    [Fact]
    public void A_situation_raised_before_the_hour_and_still_open_counts_in_every_minute()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents, [Situation("08:00:00", severity: Severity.Minor)]);

        Assert.All(activity.Minutes, minute => Assert.Equal(1, minute.Minor));
    }

    [Fact]
    public void Shelved_situations_count_as_open_and_those_grouped_into_a_flood_summary_do_not()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents,
        [
            Situation("10:10:00", severity: Severity.Info, shelved: true),
            Situation("10:10:00", severity: Severity.Info, groupedInto: "summary"),
        ]);

        Assert.Equal(1, MinuteEnding(activity, "10:11:00").Info);
        Assert.Equal(1, activity.Minutes[^1].Info);
    }

    [Fact]
    public void A_situation_listed_both_as_open_and_as_recent_counts_once()
    {
        var open = Situation("10:10:00", id: "same");

        var activity = ActivityTimeline.Build(Now, NoEvents, [open, open with { }]);

        Assert.Equal(1, activity.Minutes[^1].Major);
    }

    [Fact]
    public void Each_severity_is_counted_on_its_own()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents,
        [
            Situation("10:00:00", severity: Severity.Critical),
            Situation("10:00:00", severity: Severity.Major),
            Situation("10:00:00", severity: Severity.Major),
            Situation("10:00:00", severity: Severity.Minor),
            Situation("10:00:00", severity: Severity.Info),
            Situation("10:00:00", severity: Severity.Info),
            Situation("10:00:00", severity: Severity.Info),
        ]);

        Assert.Equal(new ActivityMinute(At("10:59:00"), 0, 1, 2, 1, 3), activity.Minutes[^1]);
    }

    [Fact]
    public void A_situation_resolved_exactly_at_the_end_of_a_minute_no_longer_counts_in_it()
    {
        var activity = ActivityTimeline.Build(Now, NoEvents, [Situation("10:10:00", "10:15:00")]);

        Assert.Equal(1, MinuteEnding(activity, "10:10:00").Major);
        Assert.Equal(1, MinuteEnding(activity, "10:14:00").Major);
        Assert.Equal(0, MinuteEnding(activity, "10:15:00").Major);
    }
}
