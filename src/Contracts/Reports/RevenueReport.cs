namespace Ops.Contracts.Reports;

/// <summary>One day of parking revenue (site time): the payments taken and their sum.</summary>
[GenerateSerializer, Immutable, Alias("ops.revenue-row")]
public sealed record RevenueRow
{
    [Id(0)] public DateOnly Date { get; init; }
    [Id(1)] public int Payments { get; init; }
    [Id(2)] public long RevenueCents { get; init; }
}

/// <summary>Parking revenue per day over a range of days, every day listed (zero when nothing was paid).</summary>
[GenerateSerializer, Immutable, Alias("ops.revenue-report")]
public sealed record RevenueReport
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public DateOnly From { get; init; }
    [Id(2)] public DateOnly To { get; init; }
    [Id(3)] public required string TimeZone { get; init; }
    [Id(4)] public IReadOnlyList<RevenueRow> Rows { get; init; } = [];
}
