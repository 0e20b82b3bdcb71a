using System.Globalization;
using Ops.Contracts.Gates;
using Ops.Contracts.Reports;
using Ops.Contracts.Situations;
using Ops.Dashboard.Spreadsheets;

namespace Ops.Dashboard.Reports;

/// <summary>The columns and rows of each report as a file (docs/api.md, "Reports"): one row per row of the
/// JSON answer, dates as <c>YYYY-MM-DD</c> on the site's calendar, counts and amounts as numbers.</summary>
public static class ReportTables
{
    public static readonly TableColumn[] ResponseColumns =
    [
        new("group", 8), new("key", 20), new("count", 8, true),
        new("acknowledged", 13, true), new("acknowledgeMedianSeconds", 14, true), new("acknowledgeP90Seconds", 14, true),
        new("resolved", 10, true), new("resolveMedianSeconds", 14, true), new("resolveP90Seconds", 14, true),
    ];

    public static readonly TableColumn[] TrafficColumns =
    [
        new("date", 12), new("hour", 6, true), new("gateId", 16), new("gateName", 20),
        new("in", 8, true), new("out", 8, true), new("denied", 8, true), new("total", 8, true),
    ];

    public static readonly TableColumn[] RevenueColumns =
    [
        new("date", 12), new("payments", 10, true), new("revenueCents", 14, true), new("revenue", 12, true),
    ];

    public static readonly TableColumn[] SituationColumns =
    [
        new("week", 12), new("kind", 18), new("raised", 8, true), new("acknowledged", 13, true), new("resolved", 10, true),
    ];

    /// <summary>Users first (<c>group</c> = <c>user</c>, the user name as key), then kinds.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Response(ResponseStats stats) =>
        stats.ByUser.Select(figures => Figures("user", figures)).Concat(stats.ByKind.Select(figures => Figures("kind", figures)));

    public static IEnumerable<IReadOnlyList<object?>> Traffic(TrafficReport report, IReadOnlyDictionary<string, string> gateNames) =>
        report.Rows.Select(row => (IReadOnlyList<object?>)
        [
            Date(row.Date), row.Hour, row.GateId, gateNames.GetValueOrDefault(row.GateId, row.GateId),
            row.In, row.Out, row.Denied, row.In + row.Out + row.Denied,
        ]);

    public static IEnumerable<IReadOnlyList<object?>> Revenue(RevenueReport report) =>
        report.Rows.Select(row => (IReadOnlyList<object?>)[Date(row.Date), row.Payments, row.RevenueCents, row.RevenueCents / 100.0]);

    public static IEnumerable<IReadOnlyList<object?>> Situations(SituationsReport report) =>
        report.Rows.Select(row => (IReadOnlyList<object?>)[Date(row.Week), row.Kind, row.Raised, row.Acknowledged, row.Resolved]);

    public static IReadOnlyDictionary<string, string> GateNames(IEnumerable<GateView> gates) =>
        gates.GroupBy(gate => gate.GateId, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Name, StringComparer.Ordinal);

    private static IReadOnlyList<object?> Figures(string group, ResponseFigures figures) =>
    [
        group, figures.Key, figures.Count,
        figures.Acknowledged, figures.AcknowledgeMedianSeconds, figures.AcknowledgeP90Seconds,
        figures.Resolved, figures.ResolveMedianSeconds, figures.ResolveP90Seconds,
    ];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
