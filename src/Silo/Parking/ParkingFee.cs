using Ops.Contracts.Sites;

namespace Ops.Silo.Parking;

/// <summary>The parking fee of the gate procedure (README), exactly:
/// <code>
/// if d &lt;= freeMinutes: 0
/// days, rem = d div 1440, d mod 1440
/// dayFee(m) = 0 if m == 0 else min(dailyCapCents, firstCents + ceil(max(0, m - firstMinutes) / periodMinutes) * periodCents)
/// fee = days * dailyCapCents + dayFee(rem)
/// </code></summary>
public static class ParkingFee
{
    public const int MinutesPerDay = 1440;

    /// <summary>The minutes of a stay: exit minus entry, rounded up to a whole minute (never negative).</summary>
    public static long Minutes(DateTimeOffset entryAt, DateTimeOffset exitAt)
    {
        var ticks = Math.Max(0, (exitAt - entryAt).Ticks);
        return (ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;
    }

    public static long Cents(FeeConfig fee, long minutes)
    {
        if (minutes <= fee.FreeMinutes)
            return 0;
        var days = minutes / MinutesPerDay;
        var rest = minutes % MinutesPerDay;
        return days * fee.DailyCapCents + DayCents(fee, rest);
    }

    public static long Cents(FeeConfig fee, DateTimeOffset entryAt, DateTimeOffset exitAt) =>
        Cents(fee, Minutes(entryAt, exitAt));

    private static long DayCents(FeeConfig fee, long minutes)
    {
        if (minutes == 0)
            return 0;
        var beyondFirst = Math.Max(0, minutes - fee.FirstMinutes);
        var periods = (beyondFirst + fee.PeriodMinutes - 1) / fee.PeriodMinutes;
        return Math.Min(fee.DailyCapCents, fee.FirstCents + periods * fee.PeriodCents);
    }
}
