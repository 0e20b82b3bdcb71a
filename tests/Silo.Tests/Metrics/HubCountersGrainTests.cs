using Ops.Contracts.Metrics;
using Ops.Contracts.Situations;
using Ops.Silo.Metrics;
using Xunit;

namespace Ops.Silo.Tests.Metrics;

[Collection(ClusterCollection.Name)]
public sealed class HubCountersGrainTests(ClusterFixture cluster)
{
    private IHubCountersGrain Counters => cluster.Client.GetGrain<IHubCountersGrain>(0);

    [Fact]
    public async Task Reports_of_several_processes_add_up_and_the_totals_outlive_a_deactivation()
    {
        // The counters are the cluster's: other tests count too, so this one looks at a type of its own.
        var type = "test." + Guid.NewGuid().ToString("N")[..8];
        await Counters.AddAsync(new HubCounts { Events = new Dictionary<string, long> { [type] = 2 } });
        await Counters.AddAsync(new HubCounts { Events = new Dictionary<string, long> { [type] = 3 } });
        Assert.Equal(5, (await SnapshotWhenAsync(counts => counts.Events.GetValueOrDefault(type) >= 5)).Events[type]);

        await cluster.DeactivateAsync(Counters);

        Assert.Equal(5, (await Counters.SnapshotAsync()).Events.GetValueOrDefault(type));
    }

    [Fact]
    public async Task A_raised_situation_is_counted_once_by_kind_and_severity_and_a_repeat_is_not()
    {
        var kind = "test-kind-" + Guid.NewGuid().ToString("N")[..8];
        var situations = cluster.Client.GetGrain<ISiteSituationsGrain>("counted-" + Guid.NewGuid().ToString("N")[..8]);
        var request = new RaiseRequest { Kind = kind, Severity = Severity.Major, Subject = "gate:door", Title = "Test", At = DateTimeOffset.UtcNow };

        await situations.RaiseAsync(request);
        await situations.RaiseAsync(request);

        var key = new RaisedKind(kind, Severity.Major);
        var snapshot = await SnapshotWhenAsync(counts => counts.SituationsRaised.ContainsKey(key));
        Assert.Equal(1, snapshot.SituationsRaised.GetValueOrDefault(key));
    }

    /// <summary>Reports are one-way: the snapshot that shows them, within a few seconds.</summary>
    private async Task<HubCounts> SnapshotWhenAsync(Func<HubCounts, bool> shows)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var snapshot = await Counters.SnapshotAsync();
            if (shows(snapshot) || DateTime.UtcNow > deadline)
                return snapshot;
            await Task.Delay(50);
        }
    }
}
