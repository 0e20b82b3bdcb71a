using Ops.Simulator.People;

namespace Ops.Tools.Tests.Simulator;

public sealed class CommunityGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly string[] KnownTags = ["elderly", "lives-alone", "child", "disabled", "wheelchair", "visually-impaired", "hearing-impaired", "ill", "pregnant"];

    private static readonly Community Community = CommunityGenerator.Generate(Today);

    /// <summary>The hub's rule: a 29 February birthday is kept on 28 February in other years.</summary>
    private static bool HubSeesBirthday(DateOnly born, DateOnly today)
    {
        var day = born is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(today.Year) ? 28 : born.Day;
        return born.Month == today.Month && day == today.Day;
    }

    [Fact]
    public void A_few_hundred_residents_live_in_households_of_one_unit_each()
    {
        var residents = Community.Residents.ToList();

        Assert.InRange(residents.Count, 300, 320);
        Assert.InRange(Community.Households.Count, 100, 200);
        Assert.All(Community.Households, household => Assert.All(household.People, person =>
        {
            Assert.Equal(household.Unit, person.Unit);
            Assert.Equal(household.Unit.Split('-')[0], person.Building);
            Assert.Matches(@"^\d-\d-\d{4}$", person.Unit);
        }));
        Assert.Equal(Community.Households.Count, Community.Households.Select(h => h.Unit).Distinct().Count());
    }

    [Fact]
    public void Resident_ids_cards_and_plates_are_unique_and_valid_for_the_hub()
    {
        var residents = Community.Residents.ToList();

        Assert.Equal(residents.Count, residents.Select(p => p.ResidentId).Distinct().Count());
        Assert.Equal(residents.Count, residents.Select(p => p.Card).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(residents, p => Assert.Matches("^[0-9A-F]{8}$", p.Card));
        Assert.All(residents, p => Assert.Matches(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", p.ResidentId));
        var plates = Community.Passes.Select(pass => pass.Plate).ToList();
        Assert.Equal(plates.Count, plates.Distinct().Count());
        Assert.All(Community.Passes.Where(pass => pass.ResidentId is not null),
            pass => Assert.Equal(pass.Plate, residents.Single(p => p.ResidentId == pass.ResidentId).Plate));
        Assert.All(Community.Passes.Where(pass => pass.Kind == "monthly"), pass => Assert.NotNull(pass.ValidUntil));
    }

    [Fact]
    public void Names_are_Chinese_and_English_and_every_care_tag_is_one_the_hub_knows()
    {
        var residents = Community.Residents.ToList();

        Assert.Contains(residents, p => p.Name.Any(c => c is >= '\u4e00' and <= '\u9fff'));
        Assert.True(residents.Count(p => p.Name.Contains(' ') && p.Name.All(c => c < 128)) >= 10);
        Assert.All(residents.SelectMany(p => p.Care), tag => Assert.Contains(tag, KnownTags));
        foreach (var tag in new[] { "elderly", "lives-alone", "child", "wheelchair", "pregnant", "ill" })
            Assert.Contains(residents, p => p.Has(tag));
    }

    [Fact]
    public void Birthdays_include_today_for_the_resident_greeted_in_the_story()
    {
        var birthdays = Community.Residents.Where(p => HubSeesBirthday(p.Birthday, Today)).ToList();

        Assert.Contains(Community.Cast.BirthdayPerson, birthdays);
        Assert.InRange(birthdays.Count, 2, 3);
        Assert.All(Community.Residents, p => Assert.True(p.Birthday < Today));
    }

    [Theory]
    [InlineData("2028-02-29")]
    [InlineData("2027-02-28")]
    [InlineData("2026-12-31")]
    public void The_birthday_of_the_story_falls_on_today_whatever_the_day(string today)
    {
        var day = DateOnly.Parse(today);

        Assert.True(HubSeesBirthday(CommunityGenerator.Generate(day).Cast.BirthdayPerson.Birthday, day));
    }

    [Fact]
    public void The_same_seed_and_day_give_the_same_community()
    {
        var again = CommunityGenerator.Generate(Today);

        Assert.Equal(ArchiveCsv.Write(Community.Residents), ArchiveCsv.Write(again.Residents));
        Assert.Equal(Community.Passes, again.Passes);
    }

    [Fact]
    public void The_cast_has_the_care_needs_its_story_is_about()
    {
        var cast = Community.Cast;

        Assert.True(cast.Unseen.Watched);
        Assert.Single(Community.Households.Single(h => h.Unit == cast.Unseen.Unit).People);
        Assert.True(cast.WheelchairUser.Has("wheelchair"));
        Assert.True(cast.LoneChild.Has("child"));
        Assert.True(cast.EscortedChild.Has("child"));
        Assert.False(cast.Escort.Has("child"));
        Assert.Equal(cast.Escort.Unit, cast.EscortedChild.Unit);
        Assert.Contains(Community.Households.Single(h => h.Unit == cast.LoneChild.Unit).People, p => !p.Has("child"));
    }

    [Fact]
    public void The_outage_building_has_exactly_the_four_households_the_story_visits()
    {
        // The hub's rule for an incident: someone disabled, in a wheelchair, ill or pregnant, or everyone elderly.
        string[] vulnerable = ["disabled", "wheelchair", "ill", "pregnant"];
        var inNeed = Community.Households
            .Where(h => h.Building == Community.Cast.OutageBuilding)
            .Where(h => h.People.Any(p => p.Care.Any(vulnerable.Contains)) || h.People.All(p => p.Has("elderly")))
            .Select(h => h.Unit)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["5-1-0101", "5-1-1503", "5-2-0404", "5-2-0802"], inNeed);
    }

    [Fact]
    public void The_archive_file_has_the_hubs_header_and_one_row_per_resident()
    {
        var csv = ArchiveCsv.Write(Community.Residents);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("residentId,name,unit,building,phone,birthday,care,cards,plates,notes,active", lines[0]);
        Assert.Equal(Community.Residents.Count() + 1, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Equal(11, line.Split(',').Length));
        Assert.Contains(lines, line => line.Contains(",elderly;lives-alone,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cell_with_a_comma_or_a_quote_is_quoted()
    {
        var person = Community.Cast.Escort with { Name = "Brown, \"Sophie\"" };

        Assert.Contains(",\"Brown, \"\"Sophie\"\"\",", ArchiveCsv.Write([person]), StringComparison.Ordinal);
    }
}
