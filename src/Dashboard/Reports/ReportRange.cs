using System.Globalization;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Reports;

/// <summary>The days a report covers, on the site's calendar, both ends included: by default the
/// <see cref="DefaultDays"/> up to today, at most <see cref="MaxDays"/>.</summary>
public sealed record ReportRange(int DefaultDays, int MaxDays)
{
    /// <summary>The period of <c>from</c> and <c>to</c> (<c>YYYY-MM-DD</c>, each optional), or the errors that name
    /// the bad field.</summary>
    public (DateOnly From, DateOnly To)? Read(string? from, string? to, DateOnly today, FieldErrors errors)
    {
        var until = Parse(to, "to", errors) ?? today;
        var since = Parse(from, "from", errors) ?? until.AddDays(1 - DefaultDays);
        if (errors.Any)
            return null;
        if (since > until)
            errors.Add("from", "must not be after to");
        else if (until.DayNumber - since.DayNumber + 1 > MaxDays)
            errors.Add("from", $"the period is at most {MaxDays} days");
        return errors.Any ? null : (since, until);
    }

    private static DateOnly? Parse(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(field, "must be a date as YYYY-MM-DD");
        return null;
    }
}
