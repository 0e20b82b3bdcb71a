using System.Globalization;

namespace Ops.Silo.Reports;

/// <summary>The key of the tally grain of a site's day: <c>{siteId}/{yyyy-MM-dd}</c> (site time).</summary>
public static class TallyDay
{
    public static string Of(string siteId, DateOnly date) =>
        $"{siteId}/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static DateOnly DateOf(string key) =>
        DateOnly.ParseExact(key[(key.LastIndexOf('/') + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
