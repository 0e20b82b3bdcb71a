using Ops.Contracts.Feed;
using Ops.Contracts.Reports;
using Ops.Contracts.Situations;
using Ops.Silo.Reports;

namespace Ops.Silo.Tests.Reports;

public sealed class TallyingTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static EventView Entry(string type, string? action, string? direction = null, string gate = "car-out",
        DateTimeOffset? at = null, long? cents = null, string? reason = "granted.paid") => new()
    {
        SiteId = "s",
        GateId = gate,
        EventId = Guid.NewGuid().ToString("N"),
        Type = type,
        At = at ?? new DateTimeOffset(2026, 11, 27, 1, 30, 0, TimeSpan.Zero),
        Direction = direction,
        Action = action,
        Reason = reason,
        AmountCents = cents,
    };

    [Theory]
    [InlineData("card.swiped", "open", "in", Passage.In)]
    [InlineData("card.swiped", "open", "out", Passage.Out)]
    [InlineData("plate.read", "open", "in", Passage.In)]
    [InlineData("plate.read", "deny", "out", Passage.Denied)]
    [InlineData("card.swiped", "deny", "in", Passage.Denied)]
    [InlineData("payment.completed", "open", null, Passage.Out)]
    [InlineData("payment.completed", "deny", null, Passage.None)]
    [InlineData("payment.completed", "display", null, Passage.None)]
    [InlineData("door.opened", null, null, Passage.None)]
    [InlineData("plate.read", "display", "in", Passage.None)]
    public void An_entry_counts_as_the_passage_it_was(string type, string? action, string? direction, Passage expected) =>
        Assert.Equal(expected, Tallying.PassageOf(Entry(type, action, direction)));

    [Fact]
    public void Only_a_payment_applied_to_a_stay_is_revenue()
    {
        Assert.Equal(1100, Tallying.PaymentCents(Entry("payment.completed", "open", cents: 1100)));
        Assert.Equal(300, Tallying.PaymentCents(Entry("payment.completed", "deny", cents: 300, reason: "denied.unpaid")));
        Assert.Equal(0, Tallying.PaymentCents(Entry("payment.completed", "display", cents: 500, reason: null)));
        // The fee due shown on a refused exit is not money taken.
        Assert.Equal(0, Tallying.PaymentCents(Entry("plate.read", "deny", "out", cents: 1100, reason: "denied.unpaid")));
    }

    [Fact]
    public void An_instant_falls_in_the_hour_and_day_of_the_site_clock()
    {
        // 17:30 UTC is 01:30 the next day in Shanghai.
        Assert.Equal((new DateOnly(2026, 11, 28), 1), Tallying.LocalHour(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero), Shanghai));
        Assert.Equal((new DateOnly(2026, 11, 27), 17), Tallying.LocalHour(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Pending_tallies_count_per_day_gate_and_hour_and_drain_once()
    {
        var pending = new PendingTallies();
        var morning = new DateTimeOffset(2026, 11, 27, 0, 10, 0, TimeSpan.Zero); // 08:10 in Shanghai
        pending.Record(Entry("plate.read", "open", "in", "car-in", morning), Shanghai);
        pending.Record(Entry("plate.read", "open", "in", "car-in", morning.AddMinutes(20)), Shanghai);
        pending.Record(Entry("plate.read", "deny", "out", "car-out", morning.AddMinutes(45)), Shanghai);
        pending.Record(Entry("payment.completed", "open", null, "car-out", morning.AddMinutes(46), 1100), Shanghai);
        pending.Record(Entry("door.closed", null, null, "car-out", morning), Shanghai);
        // A late event from the day before counts on its own day.
        pending.Record(Entry("card.swiped", "open", "out", "door-1", morning.AddHours(-9)), Shanghai);

        var days = pending.Drain();

        Assert.True(pending.IsEmpty);
        Assert.Empty(pending.Drain());
        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)], days.Select(d => d.Date));
        Assert.Equal([new GateHourTraffic { GateId = "door-1", Hour = 23, Out = 1 }], days[0].Traffic);
        Assert.Equal(
            [
                new GateHourTraffic { GateId = "car-in", Hour = 8, In = 2 },
                new GateHourTraffic { GateId = "car-out", Hour = 8, Out = 1, Denied = 1 },
            ],
            days[1].Traffic);
        Assert.Equal((1, 1100L), (days[1].Payments, days[1].RevenueCents));
    }

    [Fact]
    public void A_returned_increment_adds_to_what_was_counted_since()
    {
        var pending = new PendingTallies();
        var at = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        pending.Record(Entry("payment.completed", "open", null, "car-out", at, 500), TimeZoneInfo.Utc);
        var failed = pending.Drain().Single();
        pending.Record(Entry("payment.completed", "open", null, "car-out", at.AddMinutes(1), 700), TimeZoneInfo.Utc);

        pending.Return(failed);

        var day = pending.Drain().Single();
        Assert.Equal((2, 1200L), (day.Payments, day.RevenueCents));
        Assert.Equal([new GateHourTraffic { GateId = "car-out", Hour = 2, Out = 2 }], day.Traffic);
    }

    [Fact]
    public void Day_counts_add_tallies_and_give_back_the_same_sum()
    {
        var counts = new DayCounts();
        var tally = new DayTally
        {
            Date = new DateOnly(2026, 11, 27),
            Traffic = [new GateHourTraffic { GateId = "a", Hour = 0, In = 1 }, new GateHourTraffic { GateId = "a", Hour = 23, Out = 2, Denied = 3 }],
            Payments = 2,
            RevenueCents = 900,
        };

        counts.Add(tally);
        counts.Add(tally);

        var sum = counts.ToTally(tally.Date);
        Assert.Equal([new GateHourTraffic { GateId = "a", Hour = 0, In = 2 }, new GateHourTraffic { GateId = "a", Hour = 23, Out = 4, Denied = 6 }], sum.Traffic);
        Assert.Equal((4, 1800L), (sum.Payments, sum.RevenueCents));
    }

    [Fact]
    public void A_day_starts_at_the_site_midnight()
    {
        var (from, to) = ReportPeriod.Instants(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), Shanghai);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void A_day_whose_midnight_the_clock_skips_starts_at_its_first_minute()
    {
        // Santiago moves its clocks from 00:00 to 01:00 on the first Sunday of September.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var start = ReportPeriod.Start(new DateOnly(2026, 9, 6), santiago);
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 1, 0, 0, TimeSpan.FromHours(-3)), start);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // a Monday
    [InlineData("2026-11-27", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")] // a Sunday
    [InlineData("2026-11-30", "2026-11-30")]
    public void A_week_starts_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), ReportPeriod.WeekOf(DateOnly.Parse(day)));

    [Fact]
    public void Situations_are_counted_per_kind_in_the_week_of_the_site_clock()
    {
        SituationRecord Record(string id, string kind, DateTimeOffset raised, bool acknowledged, bool resolved) => new()
        {
            Id = id,
            Kind = kind,
            RaisedAt = raised,
            AcknowledgedAt = acknowledged ? raised.AddMinutes(1) : null,
            ResolvedAt = resolved ? raised.AddMinutes(5) : null,
        };
        // Sunday 2026-11-29 16:30 UTC is Monday 00:30 in Shanghai: the next week there.
        var sundayNight = new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero);
        var rows = ReportRows.Weeks(
        [
            Record("s.1", "tamper", sundayNight, true, true),
            Record("s.2", "door-held", sundayNight.AddHours(-1), true, false),
            Record("s.3", "door-held", sundayNight.AddDays(-3), false, false),
            Record("s.4", "tamper", sundayNight.AddDays(1), true, false),
        ], Shanghai);

        Assert.Equal(
            [
                new SituationWeekRow { Week = new DateOnly(2026, 11, 23), Kind = "door-held", Raised = 2, Acknowledged = 1, Resolved = 0 },
                new SituationWeekRow { Week = new DateOnly(2026, 11, 30), Kind = "tamper", Raised = 2, Acknowledged = 2, Resolved = 1 },
            ],
            rows);
    }

    [Fact]
    public void Revenue_lists_every_day_in_order_and_traffic_only_hours_with_passages()
    {
        var days = new[]
        {
            new DayTally { Date = new DateOnly(2026, 11, 27), Traffic = [new GateHourTraffic { GateId = "b", Hour = 9, In = 1 }, new GateHourTraffic { GateId = "a", Hour = 9, Out = 1 }, new GateHourTraffic { GateId = "a", Hour = 7, In = 3 }], Payments = 1, RevenueCents = 500 },
            new DayTally { Date = new DateOnly(2026, 11, 26) },
        };

        Assert.Equal([(new DateOnly(2026, 11, 26), 0L), (new DateOnly(2026, 11, 27), 500L)],
            ReportRows.Revenue(days).Select(row => (row.Date, row.RevenueCents)));
        Assert.Equal([(7, "a"), (9, "a"), (9, "b")], ReportRows.Traffic(days).Select(row => (row.Hour, row.GateId)));
    }
}
