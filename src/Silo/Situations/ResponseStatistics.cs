using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

/// <summary>Response times of the situations raised in a period (the incentive figures of DOMAIN.md):
/// per user, the acknowledgements and resolutions they made; per kind, all situations of that kind.
/// Percentiles interpolate linearly between the nearest ranks.</summary>
public static class ResponseStatistics
{
    public static ResponseStats Compute(string siteId, IEnumerable<SituationRecord> records, DateTimeOffset from, DateTimeOffset to)
    {
        var inPeriod = records.Where(r => r.RaisedAt >= from && r.RaisedAt < to).ToList();
        var users = inPeriod.Select(r => r.AcknowledgedBy).Concat(inPeriod.Select(r => r.ResolvedBy))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new ResponseStats
        {
            SiteId = siteId,
            From = from,
            To = to,
            ByUser = [.. users.Select(user => Figures(user,
                inPeriod.Where(r => r.AcknowledgedBy == user || r.ResolvedBy == user).Count(),
                inPeriod.Where(r => r.AcknowledgedBy == user).ToList(),
                inPeriod.Where(r => r.ResolvedBy == user).ToList()))],
            ByKind = [.. inPeriod.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(kind => Figures(kind.Key,
                kind.Count(), [.. kind], [.. kind]))],
        };
    }

    private static ResponseFigures Figures(string key, int count, IReadOnlyList<SituationRecord> acknowledged, IReadOnlyList<SituationRecord> resolved)
    {
        var toAcknowledge = Seconds(acknowledged, r => r.AcknowledgedAt);
        var toResolve = Seconds(resolved, r => r.ResolvedAt);
        return new ResponseFigures
        {
            Key = key,
            Count = count,
            Acknowledged = toAcknowledge.Count,
            AcknowledgeMedianSeconds = Percentile(toAcknowledge, 0.5),
            AcknowledgeP90Seconds = Percentile(toAcknowledge, 0.9),
            Resolved = toResolve.Count,
            ResolveMedianSeconds = Percentile(toResolve, 0.5),
            ResolveP90Seconds = Percentile(toResolve, 0.9),
        };
    }

    private static List<double> Seconds(IEnumerable<SituationRecord> records, Func<SituationRecord, DateTimeOffset?> at) =>
        [.. records.Where(r => at(r) is not null).Select(r => Math.Max(0, (at(r)!.Value - r.RaisedAt).TotalSeconds)).Order()];

    /// <summary>The q-quantile of sorted values, interpolated between ranks; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
            return null;
        var rank = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return Math.Round(sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower), 3);
    }
}
