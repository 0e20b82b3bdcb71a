using Ops.Contracts.Metrics;
using Ops.Silo.Storage;

namespace Ops.Silo.Metrics;

/// <summary>Sums the counts every process reports and keeps them in grain storage at most every
/// <see cref="SaveEvery"/>, never per report: a crash loses at most that much counting, and the counters
/// cost the hub's storage one write every few seconds however busy it is.</summary>
public sealed class HubCountersGrain(
    [PersistentState("hub-counters", GrainStorage.Name)] IPersistentState<HubCountersState> state)
    : Grain, IHubCountersGrain
{
    public static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(5);

    private HubCounts totals = new();
    private bool changed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        totals = state.State.ToCounts();
        // The totals live here between saves; stay activated while idle so none are lost to a deactivation.
        DelayDeactivation(TimeSpan.FromDays(3650));
        this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions { DueTime = SaveEvery, Period = SaveEvery });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await SaveAsync(cancellationToken);

    public Task AddAsync(HubCounts increments)
    {
        totals = CountsSum.Of(totals, increments);
        changed = true;
        return Task.CompletedTask;
    }

    public Task<HubCounts> SnapshotAsync() => Task.FromResult(totals);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!changed)
            return;
        changed = false;
        state.State = HubCountersState.From(totals);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            changed = true;
            throw;
        }
    }
}
