using System.Globalization;

namespace Ops.Silo.Situations;

/// <summary>The key of the archive grain of a site's month: <c>{siteId}/{yyyy-MM}</c> (UTC).</summary>
public static class ArchiveMonth
{
    public static string Of(string siteId, DateTimeOffset at) =>
        $"{siteId}/{at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    /// <summary>Every month key from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public static IEnumerable<string> Between(string siteId, DateTimeOffset from, DateTimeOffset to)
    {
        var month = new DateTime(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (; month <= to.UtcDateTime; month = month.AddMonths(1))
            yield return Of(siteId, month);
    }
}
