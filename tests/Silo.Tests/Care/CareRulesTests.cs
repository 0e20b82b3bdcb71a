using Ops.Contracts.Care;
using Ops.Contracts.Residents;
using Ops.Contracts.Sites;
using Ops.Silo.Care;

namespace Ops.Silo.Tests.Care;

public sealed class CareRulesTests
{
    private static readonly SiteConfig Site = new() { TimeZone = "Asia/Shanghai", Language = "en" };

    // 23:30 UTC on 27 November is already 28 November in Shanghai.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);

    private static Resident Resident(string[] care, string? birthday = null) => new()
    {
        ResidentId = "r-1", Name = "Wang", Unit = "3-2-1201", Care = care, Birthday = birthday,
    };

    [Fact]
    public void A_birthday_counts_in_the_site_time_zone_and_once_a_day()
    {
        var outcome = CareRules.OnPassage(Resident([], "1950-11-28"), new Presence(), null, "door", LateEvening, Site);
        Assert.Equal(["birthday"], outcome.Personal);
        Assert.Equal(new DateOnly(2026, 11, 28), outcome.BirthdayGreeted);
        var again = CareRules.OnPassage(Resident([], "1950-11-28"), new Presence(), outcome.BirthdayGreeted, "door", LateEvening.AddHours(2), Site);
        Assert.Empty(again.Personal);
        Assert.Empty(CareRules.OnPassage(Resident([], "1950-11-27"), new Presence(), null, "door", LateEvening, Site).Personal);
    }

    [Theory]
    [InlineData("2000-02-29", 2027, 2, 28, true)]
    [InlineData("2000-02-29", 2028, 2, 29, true)]
    [InlineData("2000-02-29", 2028, 2, 28, false)]
    [InlineData("not-a-date", 2028, 2, 28, false)]
    public void A_29_february_birthday_is_kept_on_28_february_in_other_years(string birthday, int year, int month, int day, bool expected) =>
        Assert.Equal(expected, CareRules.IsBirthday(birthday, new DateOnly(year, month, day)));

    [Fact]
    public void Welcome_back_needs_the_configured_days_away()
    {
        var site = Site with { Care = new CareConfig { WelcomeBackDays = 7 } };
        var away = new Presence { LastSeenAt = LateEvening.AddDays(-7) };
        Assert.Equal(["welcome-back"], CareRules.OnPassage(Resident([]), away, null, "door", LateEvening, site).Personal);
        var brief = new Presence { LastSeenAt = LateEvening.AddDays(-6.9) };
        Assert.Empty(CareRules.OnPassage(Resident([]), brief, null, "door", LateEvening, site).Personal);
        Assert.Empty(CareRules.OnPassage(Resident([]), new Presence(), null, "door", LateEvening, site).Personal);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("wheelchair")]
    [InlineData("visually-impaired")]
    public void Residents_who_need_assistance_get_twice_the_open_time_and_a_situation(string tag)
    {
        var outcome = CareRules.OnPassage(Resident([tag]), new Presence(), null, "door", LateEvening, Site);
        Assert.Equal(2, outcome.OpenFactor);
        Assert.Equal(["assist"], outcome.Personal);
        Assert.Equal("assist", Assert.Single(outcome.Raises).Kind);
    }

    [Fact]
    public void Only_the_elderly_who_live_alone_are_watched()
    {
        Assert.True(CareRules.NeedsWelfareWatch(Resident(["elderly", "lives-alone"])));
        Assert.False(CareRules.NeedsWelfareWatch(Resident(["elderly"])));
        Assert.False(CareRules.NeedsWelfareWatch(Resident(["lives-alone"])));
        Assert.False(CareRules.NeedsWelfareWatch(Resident(["elderly", "lives-alone"]) with { Active = false }));
    }

    private static HouseholdExit Exit(string id, bool child, int atSeconds) => new()
    {
        ResidentId = id, Name = id, Child = child, GateId = "door", At = LateEvening.AddSeconds(atSeconds), EscortSeconds = 120,
    };

    [Fact]
    public void A_child_is_escorted_by_another_resident_who_is_not_a_child_within_the_window_either_side()
    {
        var child = Exit("kid", true, 0);
        Assert.True(ChildEscort.Escorted(child, [Exit("mum", false, -120)]));
        Assert.True(ChildEscort.Escorted(child, [Exit("mum", false, 120)]));
        Assert.False(ChildEscort.Escorted(child, [Exit("mum", false, 121)]));
        Assert.False(ChildEscort.Escorted(child, [Exit("sister", true, 10)]));
        Assert.False(ChildEscort.Escorted(child, [child]));
    }

    [Fact]
    public void An_incident_finds_households_with_vulnerable_members_or_only_elderly_ones_in_its_building()
    {
        Resident R(string id, string unit, string building, params string[] care) => new() { ResidentId = id, Name = id, Unit = unit, Building = building, Care = care };
        var residents = new[]
        {
            R("a", "7-1", "7", "pregnant"), R("b", "7-1", "7"),
            R("c", "7-2", "7", "elderly"), R("d", "7-2", "7", "elderly", "ill"),
            R("e", "7-3", "7", "elderly"), R("f", "7-3", "7"),
            R("g", "7-4", "7", "child"),
            R("h", "8-1", "8", "wheelchair"),
            R("i", "7-5", "7", "disabled") with { Active = false },
        };
        Assert.Equal(["7-1", "7-2"], IncidentCare.InNeed(residents, "7").Select(h => h.Unit));
        Assert.Equal(["7-1", "7-2", "8-1"], IncidentCare.InNeed(residents, null).Select(h => h.Unit));
        var first = IncidentCare.InNeed(residents, "7")[0];
        Assert.Equal("a", IncidentCare.FirstToVisit(first).ResidentId);
        Assert.Equal("Residents: a (pregnant); b", IncidentCare.Detail(first));
    }
}
