namespace Ops.Contracts.Reports;

/// <summary>The passages at one gate in one hour of a site's day: let in, let out, refused.</summary>
[GenerateSerializer, Immutable, Alias("ops.gate-hour-traffic")]
public sealed record GateHourTraffic
{
    [Id(0)] public required string GateId { get; init; }

    /// <summary>The hour of the day in the site's time zone, 0-23.</summary>
    [Id(1)] public int Hour { get; init; }

    [Id(2)] public int In { get; init; }
    [Id(3)] public int Out { get; init; }
    [Id(4)] public int Denied { get; init; }
}
