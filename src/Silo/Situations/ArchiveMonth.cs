using System.Globalization;
using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

/// <summary>The key of the archive grain of a site's month: <c>{siteId}/{yyyy-MM}</c> (UTC), and reading a period
/// across those months.</summary>
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

    /// <summary>The archive's records of the site's situations raised from <paramref name="from"/> (inclusive) to
    /// <paramref name="to"/> (exclusive).</summary>
    public static async Task<List<SituationRecord>> ReadAsync(IGrainFactory grains, string siteId, DateTimeOffset from, DateTimeOffset to)
    {
        var months = await Task.WhenAll(Between(siteId, from, to)
            .Select(month => grains.GetGrain<ISituationArchiveGrain>(month).ListAsync()));
        return [.. months.SelectMany(records => records).Where(record => record.RaisedAt >= from && record.RaisedAt < to)];
    }
}
