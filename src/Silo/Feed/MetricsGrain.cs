using Ops.Contracts.Metrics;

namespace Ops.Silo.Feed;

public sealed class MetricsGrain : Grain, IMetricsGrain
{
    private readonly SortedDictionary<string, long> counters = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(TimeSpan.FromDays(3650));
        return Task.CompletedTask;
    }

    public Task AddAsync(IReadOnlyDictionary<string, long> increments)
    {
        foreach (var (series, increment) in increments)
            counters[series] = counters.GetValueOrDefault(series) + increment;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>> SnapshotAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>(counters));
}
