using Orleans.Concurrency;

namespace Ops.Contracts.Metrics;

/// <summary>The hub's counters, summed over every process that reports (a singleton, key 0). Series are
/// named as Prometheus writes them, e.g. <c>ops_gateway_rejects_total{reason="invalid-json"}</c>.
/// Counters live in memory and start again at zero when the silo restarts, as Prometheus expects.</summary>
[Alias("ops.metrics-grain")]
public interface IMetricsGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("add")]
    Task AddAsync(IReadOnlyDictionary<string, long> increments);

    [Alias("snapshot"), AlwaysInterleave]
    Task<IReadOnlyDictionary<string, long>> SnapshotAsync();
}
