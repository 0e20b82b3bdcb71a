using Orleans.Concurrency;

namespace Ops.Contracts.Metrics;

/// <summary>The hub's counters, summed over every gateway and silo that reports (a singleton, key 0), and kept
/// in grain storage every few seconds so that they survive a restart (docs/operations.md, metrics).</summary>
[Alias("ops.hub-counters-grain")]
public interface IHubCountersGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("add")]
    Task AddAsync(HubCounts increments);

    [Alias("snapshot"), AlwaysInterleave]
    Task<HubCounts> SnapshotAsync();
}
