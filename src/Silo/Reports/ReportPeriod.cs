namespace Ops.Silo.Reports;

/// <summary>Days, weeks and their instants on a site's calendar.</summary>
public static class ReportPeriod
{
    /// <summary>The instant a day starts at the site (its first valid minute when the clock jumps over midnight).</summary>
    public static DateTimeOffset Start(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        // An ambiguous midnight (clocks turned back) starts at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>From the start of <paramref name="from"/> to the start of the day after <paramref name="to"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Instants(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        (Start(from, zone), Start(to.AddDays(1), zone));

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
            yield return day;
    }

    /// <summary>The Monday of the week a day belongs to.</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
