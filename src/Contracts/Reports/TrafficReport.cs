namespace Ops.Contracts.Reports;

/// <summary>One row of the traffic report: a gate's passages in one hour of one day (site time).</summary>
[GenerateSerializer, Immutable, Alias("ops.traffic-row")]
public sealed record TrafficRow
{
    [Id(0)] public DateOnly Date { get; init; }
    [Id(1)] public int Hour { get; init; }
    [Id(2)] public required string GateId { get; init; }
    [Id(3)] public int In { get; init; }
    [Id(4)] public int Out { get; init; }
    [Id(5)] public int Denied { get; init; }
}

/// <summary>Traffic per gate per hour over a range of days; hours without traffic are left out.</summary>
[GenerateSerializer, Immutable, Alias("ops.traffic-report")]
public sealed record TrafficReport
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public DateOnly From { get; init; }
    [Id(2)] public DateOnly To { get; init; }
    [Id(3)] public required string TimeZone { get; init; }
    [Id(4)] public IReadOnlyList<TrafficRow> Rows { get; init; } = [];
}
