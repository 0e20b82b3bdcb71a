using Ops.Contracts.Sites;

namespace Ops.Silo.Parking;

/// <summary>Dates as the site sees them: in its time zone.</summary>
public static class SiteClock
{
    public static DateOnly LocalDate(SiteConfig site, DateTimeOffset at)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }
}
