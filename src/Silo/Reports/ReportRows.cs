using Ops.Contracts.Reports;
using Ops.Contracts.Situations;

namespace Ops.Silo.Reports;

/// <summary>The rows of the reports, from the days' tallies and the situations' archive.</summary>
public static class ReportRows
{
    /// <summary>Per day, hour and gate, in that order; hours without traffic are not listed.</summary>
    public static IReadOnlyList<TrafficRow> Traffic(IEnumerable<DayTally> days) =>
    [
        .. days.OrderBy(day => day.Date).SelectMany(day => day.Traffic
            .OrderBy(traffic => traffic.Hour).ThenBy(traffic => traffic.GateId, StringComparer.Ordinal)
            .Select(traffic => new TrafficRow
            {
                Date = day.Date,
                Hour = traffic.Hour,
                GateId = traffic.GateId,
                In = traffic.In,
                Out = traffic.Out,
                Denied = traffic.Denied,
            })),
    ];

    /// <summary>Every day given, in order, zero when nothing was paid.</summary>
    public static IReadOnlyList<RevenueRow> Revenue(IEnumerable<DayTally> days) =>
        [.. days.OrderBy(day => day.Date).Select(day => new RevenueRow { Date = day.Date, Payments = day.Payments, RevenueCents = day.RevenueCents })];

    /// <summary>Per week (by the site's calendar, from Monday) and kind, the situations raised then, and how
    /// many of them have been acknowledged and resolved since.</summary>
    public static IReadOnlyList<SituationWeekRow> Weeks(IEnumerable<SituationRecord> records, TimeZoneInfo zone) =>
    [
        .. records
            .GroupBy(record => (Week: ReportPeriod.WeekOf(Tallying.LocalHour(record.RaisedAt, zone).Date), record.Kind))
            .OrderBy(group => group.Key.Week).ThenBy(group => group.Key.Kind, StringComparer.Ordinal)
            .Select(group => new SituationWeekRow
            {
                Week = group.Key.Week,
                Kind = group.Key.Kind,
                Raised = group.Count(),
                Acknowledged = group.Count(record => record.AcknowledgedAt is not null),
                Resolved = group.Count(record => record.ResolvedAt is not null),
            }),
    ];
}
