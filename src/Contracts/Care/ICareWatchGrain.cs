namespace Ops.Contracts.Care;

/// <summary>The welfare watch of one site (keyed by siteId): residents who are elderly and live alone,
/// each with the time by which a passage is due. One durable timer per site.</summary>
[Alias("ops.care-watch-grain")]
public interface ICareWatchGrain : IGrainWithStringKey
{
    /// <summary>Watches the resident: a passage is due by <see cref="WelfareWatch.Due"/>. Calls interleave.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("arm")]
    Task ArmAsync(WelfareWatch watch);

    [Orleans.Concurrency.AlwaysInterleave, Alias("disarm")]
    Task DisarmAsync(string residentId);

    [Alias("wake")]
    Task WakeAsync();
}

/// <summary>One watched resident: who, and by when a passage is due.</summary>
[GenerateSerializer, Immutable, Alias("ops.welfare-watch")]
public sealed record WelfareWatch
{
    [Id(0)] public required string ResidentId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Unit { get; init; }
    [Id(3)] public required DateTimeOffset Due { get; init; }
    [Id(4)] public required int PeriodSeconds { get; init; }

    /// <summary>True when a passage re-arms the watch; false when the archive changed, which keeps a
    /// deadline already running.</summary>
    [Id(5)] public bool Passage { get; init; }
}
