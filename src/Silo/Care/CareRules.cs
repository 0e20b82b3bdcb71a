using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Parking;

namespace Ops.Silo.Care;

/// <summary>The personal touches of the care rules (README) for a granted passage: assistance, birthday and
/// welcome back. Plain functions over the resident, where they were last seen, and the site's settings.</summary>
public static class CareRules
{
    public const string Assist = "assist";
    public const string Birthday = "birthday";
    public const string WelcomeBack = "welcome-back";

    public static readonly IReadOnlySet<string> AssistTags = new HashSet<string>(StringComparer.Ordinal) { "disabled", "wheelchair", "visually-impaired" };

    public sealed record Outcome(IReadOnlyList<string> Personal, IReadOnlyList<string> Greeting, int OpenFactor, IReadOnlyList<RaiseRequest> Raises, DateOnly? BirthdayGreeted);

    /// <param name="before">Where the resident was last seen before this passage.</param>
    /// <param name="birthdayGreeted">The last day the resident was greeted for a birthday.</param>
    public static Outcome OnPassage(Resident resident, Presence before, DateOnly? birthdayGreeted, string gateId, DateTimeOffset at, SiteConfig site)
    {
        var personal = new List<string>();
        var greeting = new List<string>();
        var raises = new List<RaiseRequest>();
        var today = SiteClock.LocalDate(site, at);
        var openFactor = 1;

        if (IsBirthday(resident.Birthday, today) && birthdayGreeted != today)
        {
            personal.Add(Birthday);
            greeting.Add(CareTexts.Birthday(resident.Name, site.Language));
            raises.Add(Raise(resident, SituationKinds.Birthday, Severity.Info, $"{resident.Name}'s birthday today",
                $"{resident.Name} passed {gateId}: a good day to wish them well", gateId, at, $"birthday:{today:yyyy-MM-dd}"));
            birthdayGreeted = today;
        }
        if (before.LastSeenAt is { } lastSeen && at - lastSeen >= TimeSpan.FromDays(site.Care.WelcomeBackDays))
        {
            personal.Add(WelcomeBack);
            greeting.Add(CareTexts.WelcomeBack(resident.Name, site.Language));
            raises.Add(Raise(resident, SituationKinds.WelcomeBack, Severity.Info, $"{resident.Name} is back",
                $"first passage after {(int)(at - lastSeen).TotalDays} days away", gateId, at, $"welcome-back:{today:yyyy-MM-dd}"));
        }
        if (resident.Care.Any(AssistTags.Contains))
        {
            personal.Add(Assist);
            greeting.Add(CareTexts.Assist(site.Language));
            openFactor = 2;
            raises.Add(Raise(resident, SituationKinds.Assist, Severity.Minor, $"{resident.Name} may need help at {gateId}",
                $"care: {string.Join(", ", resident.Care.Where(AssistTags.Contains))}", gateId, at, $"assist:{gateId}"));
        }
        return new Outcome(personal, greeting, openFactor, raises, birthdayGreeted);
    }

    /// <summary>Whether today is the birthday; a 29 February birthday is kept on 28 February in other years.</summary>
    public static bool IsBirthday(string? birthday, DateOnly today)
    {
        if (!DateOnly.TryParseExact(birthday, "yyyy-MM-dd", out var born))
            return false;
        var day = born is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(today.Year) ? 28 : born.Day;
        return today.Month == born.Month && today.Day == day;
    }

    public static bool NeedsWelfareWatch(Resident resident) =>
        resident.Active && resident.Care.Contains("elderly") && resident.Care.Contains("lives-alone");

    public static RaiseRequest Raise(Resident resident, string kind, string severity, string title, string? detail, string? gateId, DateTimeOffset at, string subject) => new()
    {
        Kind = kind,
        Severity = severity,
        Subject = $"resident:{resident.ResidentId}:{subject}",
        Title = title,
        Detail = detail,
        GateId = gateId,
        ResidentId = resident.ResidentId,
        Unit = resident.Unit,
        At = at,
    };
}
