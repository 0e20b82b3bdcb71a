namespace Ops.Contracts.Reports;

/// <summary>The situations of one kind raised in one week (Monday to Sunday, site time), and how many of
/// them have been acknowledged and resolved since.</summary>
[GenerateSerializer, Immutable, Alias("ops.situation-week-row")]
public sealed record SituationWeekRow
{
    /// <summary>The Monday the week starts on.</summary>
    [Id(0)] public DateOnly Week { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public int Raised { get; init; }
    [Id(3)] public int Acknowledged { get; init; }
    [Id(4)] public int Resolved { get; init; }
}

/// <summary>Situations per kind per week over a range of days; weeks and kinds without any are left out.</summary>
[GenerateSerializer, Immutable, Alias("ops.situations-report")]
public sealed record SituationsReport
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public DateOnly From { get; init; }
    [Id(2)] public DateOnly To { get; init; }
    [Id(3)] public required string TimeZone { get; init; }
    [Id(4)] public IReadOnlyList<SituationWeekRow> Rows { get; init; } = [];
}
