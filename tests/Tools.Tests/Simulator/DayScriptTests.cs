using Ops.Simulator.Day;
using Ops.Simulator.People;

namespace Ops.Tools.Tests.Simulator;

public sealed class DayScriptTests
{
    private static readonly TimeSpan Day = TimeSpan.FromSeconds(90);
    private const string Visitor = "粤C12345";
    private static readonly Community Community = CommunityGenerator.Generate(new DateOnly(2026, 11, 27));
    private static readonly IReadOnlyList<Beat> Script = DayScript.Build(Community, Day, Visitor, seed: 7);

    private static Beat.Swipe SwipeOf(Person person) => Script.OfType<Beat.Swipe>().Single(s => s.ResidentId == person.ResidentId);

    private static TimeSpan Said(string words) => Script.OfType<Beat.Say>().Single(s => s.Text.Contains(words, StringComparison.Ordinal)).At;

    [Fact]
    public void The_beats_are_in_time_order_and_within_the_day()
    {
        Assert.Equal(Script.OrderBy(b => b.At).ToList(), Script);
        Assert.All(Script, beat => Assert.InRange(beat.At, TimeSpan.Zero, Day));
    }

    [Fact]
    public void The_story_runs_from_the_morning_rush_to_the_evening()
    {
        TimeSpan[] order =
        [
            Said("Morning rush"), Said("birthday"), Said("to school"), Said("wheelchair"), Said("door alone"),
            Said("props the north door"), Said("hangs"), Said("Water is cut off"), Said("leaves: the exit"),
            Said("has not passed a gate"), Said("Evening"), Said("The day is over"),
        ];

        Assert.Equal(order.Order(), order);
        Assert.Equal("06:00", Script.OfType<Beat.Say>().First().Clock);
        Assert.Equal("22:00", Script.OfType<Beat.Say>().Last().Clock);
    }

    [Fact]
    public void The_birthday_and_the_wheelchair_user_come_before_anything_major_so_flood_control_never_groups_them()
    {
        var minor = new[] { SwipeOf(Community.Cast.BirthdayPerson).At, SwipeOf(Community.Cast.WheelchairUser).At }.Max();

        Assert.True(minor < SwipeOf(Community.Cast.LoneChild).At);
        Assert.True(minor < Script.OfType<Beat.Door>().Min(d => d.At));
        Assert.True(minor < Script.OfType<Beat.Silence>().Min(s => s.At));
        Assert.True(minor < Script.OfType<Beat.Incident>().Single().At);
    }

    [Fact]
    public void The_lone_child_leaves_with_nobody_of_the_household_and_the_other_child_with_a_grown_up()
    {
        var escort = TimeSpan.FromSeconds(DemoSite.ChildEscortSeconds(Day));
        var alone = SwipeOf(Community.Cast.LoneChild);
        var household = Community.Households.Single(h => h.Unit == Community.Cast.LoneChild.Unit).People.Select(p => p.Card).ToHashSet();

        Assert.Equal("out", alone.Direction);
        Assert.Equal(DemoSite.NorthDoor, alone.GateId);
        Assert.DoesNotContain(Script.OfType<Beat.Swipe>(), s => s != alone && household.Contains(s.Card));
        var child = SwipeOf(Community.Cast.EscortedChild);
        var grownUp = SwipeOf(Community.Cast.Escort);
        Assert.Equal(["out", "out"], new[] { child.Direction, grownUp.Direction });
        Assert.True((child.At - grownUp.At).Duration() < escort);
    }

    [Fact]
    public void The_resident_to_be_checked_on_never_passes_a_gate_not_even_in_the_quiet_traffic()
    {
        var unseen = Community.Cast.Unseen;
        var traffic = new QuietTraffic(Community, Script, new Random(3));
        var quiet = Enumerable.Range(0, 5000).Select(i => traffic.Next(TimeSpan.FromSeconds(i), _ => true)).ToList();

        Assert.DoesNotContain(Script.OfType<Beat.Swipe>(), s => s.Card == unseen.Card);
        Assert.DoesNotContain(quiet.OfType<Beat.Swipe>(), s => s.Card == unseen.Card);
        Assert.DoesNotContain(quiet.OfType<Beat.Swipe>(), s => Community.Residents.Any(p => p.Card == s.Card && (p.Has("child") || p.NeedsAssist)));
        Assert.Contains(quiet, b => b is Beat.Swipe { ResidentId: "" });
        Assert.Contains(quiet, b => b is Beat.PlateRead);
    }

    [Fact]
    public void A_car_never_enters_twice_in_a_row_so_no_anti_passback_is_raised()
    {
        var traffic = new QuietTraffic(Community, Script, new Random(5));
        var reads = Enumerable.Range(0, 5000).Select(i => traffic.Next(TimeSpan.FromSeconds(i), _ => true)).OfType<Beat.PlateRead>().ToList();
        var all = Script.OfType<Beat.PlateRead>().Concat(reads);

        foreach (var car in all.GroupBy(r => r.Plate))
        {
            var directions = car.Select(r => r.Direction).ToList();
            Assert.True(directions.Zip(directions.Skip(1)).All(pair => pair.First != pair.Second), $"{car.Key}: {string.Join(" ", directions)}");
            Assert.All(car, r => Assert.Equal(r.Direction == "in" ? DemoSite.CarIn : DemoSite.CarOut, r.GateId));
        }
        Assert.Equal("out", Script.OfType<Beat.PlateRead>().First(r => r.Plate != Visitor).Direction);
    }

    [Fact]
    public void The_visitor_enters_is_asked_to_pay_at_the_exit_and_pays_the_first_period()
    {
        var reads = Script.OfType<Beat.PlateRead>().Where(r => r.Plate == Visitor).ToList();
        var payment = Script.OfType<Beat.Payment>().Single();

        Assert.Equal([("in", DemoSite.CarIn), ("out", DemoSite.CarOut)], reads.Select(r => (r.Direction, r.GateId)));
        Assert.Equal((DemoSite.CarOut, Visitor, DemoSite.FirstPeriodCents), (payment.GateId, payment.Plate, payment.AmountCents));
        Assert.True(payment.At > reads[1].At);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(60)]
    [InlineData(30)]
    public void The_garden_gate_stays_silent_long_enough_to_be_missed_and_reports_again_within_the_day(int seconds)
    {
        var day = TimeSpan.FromSeconds(seconds);
        var silences = DayScript.Build(Community, day, Visitor, seed: 1).OfType<Beat.Silence>().ToList();
        var heartbeat = TimeSpan.FromSeconds(DemoSite.GardenHeartbeatSeconds(day));

        Assert.Equal([(DemoSite.GardenGate, true), (DemoSite.GardenGate, false)], silences.Select(s => (s.GateId, s.Silent)));
        // Missed after three periods without a heartbeat, checked every half period.
        Assert.True(silences[1].At - silences[0].At > heartbeat * 3.5);
        Assert.True(silences[1].At <= day);
    }

    [Fact]
    public void The_demo_settings_shrink_with_the_day_so_that_the_welfare_check_falls_within_it()
    {
        Assert.Equal(72, DemoSite.WelfareCheckSeconds(Day));
        Assert.Equal(14, DemoSite.ChildEscortSeconds(Day));
        Assert.Equal(10, DemoSite.GardenHeartbeatSeconds(Day));
        Assert.True(Said("has not passed a gate") >= TimeSpan.FromSeconds(DemoSite.WelfareCheckSeconds(Day)) - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Over_a_real_day_the_settings_stay_within_the_hubs_defaults()
    {
        var day = TimeSpan.FromDays(1);

        Assert.Equal(69120, DemoSite.WelfareCheckSeconds(day));
        Assert.Equal(120, DemoSite.ChildEscortSeconds(day));
        Assert.Equal(30, DemoSite.GardenHeartbeatSeconds(day));
    }

    [Fact]
    public void The_clock_runs_from_six_in_the_morning_to_ten_at_night()
    {
        Assert.Equal(new TimeOnly(6, 0), DayScript.Clock(TimeSpan.Zero, Day));
        Assert.Equal(new TimeOnly(14, 0), DayScript.Clock(Day / 2, Day));
        Assert.Equal(new TimeOnly(22, 0), DayScript.Clock(Day * 2, Day));
    }
}
