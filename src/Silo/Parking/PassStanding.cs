using System.Globalization;
using Ops.Contracts.Parking;

namespace Ops.Silo.Parking;

/// <summary>What a plate's pass means on a given day: the rule-relevant classification of the gate procedure (README).</summary>
public sealed record PassStanding(string? Kind, bool MonthlyValid, bool MonthlyExpired, DateOnly? ValidUntil, int? DaysLeft)
{
    /// <summary>A monthly pass ending within this many days gets a renewal reminder.</summary>
    public const int ReminderDays = 7;

    public bool RemindRenewal => MonthlyValid && DaysLeft <= ReminderDays;

    public static PassStanding Of(VehiclePass? pass, DateOnly today)
    {
        if (pass is null)
            return new PassStanding(null, false, false, null, null);
        if (pass.Kind != PassKinds.Monthly)
            return new PassStanding(pass.Kind, false, false, null, null);
        var until = DateOnly.TryParseExact(pass.ValidUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : (DateOnly?)null;
        var valid = until is { } last && today <= last;
        return new PassStanding(pass.Kind, valid, !valid, until, until is { } end ? end.DayNumber - today.DayNumber : null);
    }
}
