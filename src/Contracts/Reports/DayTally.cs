namespace Ops.Contracts.Reports;

/// <summary>What a site's gates counted on one day of the site's calendar: traffic per gate and hour,
/// and the parking payments taken. Also the shape of an increment to such a day.</summary>
[GenerateSerializer, Immutable, Alias("ops.day-tally")]
public sealed record DayTally
{
    [Id(0)] public DateOnly Date { get; init; }
    [Id(1)] public IReadOnlyList<GateHourTraffic> Traffic { get; init; } = [];
    [Id(2)] public int Payments { get; init; }
    [Id(3)] public long RevenueCents { get; init; }
}
