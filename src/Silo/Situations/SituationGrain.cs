using Ops.Contracts.Feed;
using Ops.Contracts.Situations;
using Ops.Silo.Storage;
using Ops.Silo.Timers;

namespace Ops.Silo.Situations;

public sealed class SituationGrain(
    [PersistentState("situation", GrainStorage.Name)] IPersistentState<SituationState> state,
    TimeProvider time) : DeadlineGrain(time), ISituationGrain
{
    private SituationState Situation => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Escalations that fell due while the hub was down are applied at once.
        if (Situation.Exists && SituationLifecycle.Escalate(Situation, Time.GetUtcNow()) > 0)
            await SaveAsync();
        ArmEscalation();
    }

    public async Task<SituationView> OpenAsync(OpenSituation open)
    {
        if (Situation.Exists)
            return Situation.View(false);
        SituationLifecycle.Open(Situation, this.GetPrimaryKeyString(), open, Time.GetUtcNow());
        await SaveAsync(archive: true);
        ArmEscalation();
        return Situation.View(false);
    }

    public async Task<SituationView> RepeatAsync(RaiseRequest repeat, string? detail)
    {
        SituationLifecycle.Repeat(Situation, repeat.At, detail, Time.GetUtcNow());
        await SaveAsync();
        return Situation.View(false);
    }

    public async Task<SituationView> ClearAsync(DateTimeOffset at, string why)
    {
        if (SituationLifecycle.Clear(Situation, why, Time.GetUtcNow()))
            await SaveAsync();
        return Situation.View(false);
    }

    public Task<ChangeResult> AcknowledgeAsync(string by, string? note) =>
        ChangeAsync(now => SituationLifecycle.Acknowledge(Situation, by, note, now), archive: true);

    public Task<ChangeResult> ResolveAsync(string by, string? note) =>
        ChangeAsync(now => SituationLifecycle.Resolve(Situation, by, note, now), archive: true);

    public Task<ChangeResult> AssignAsync(string by, string assignee) =>
        ChangeAsync(now => SituationLifecycle.Assign(Situation, by, assignee, now), archive: false);

    public Task<ChangeResult> TickAsync(string by, int step, bool done, string? note) =>
        ChangeAsync(now => SituationLifecycle.Tick(Situation, by, step, done, note, now), archive: false);

    public async Task<SituationView> UnshelveAsync(string why)
    {
        SituationLifecycle.Unshelve(Situation, why, Time.GetUtcNow());
        await SaveAsync();
        ArmEscalation();
        return Situation.View(false);
    }

    public Task<SituationView?> GetAsync(bool withHistory) =>
        Task.FromResult(Situation.Exists ? Situation.View(withHistory) : null);

    public Task WakeAsync() => Task.CompletedTask;

    private async Task<ChangeResult> ChangeAsync(Func<DateTimeOffset, string?> change, bool archive)
    {
        if (!Situation.Exists)
            return ChangeResult.Refused($"There is no situation {this.GetPrimaryKeyString()}.");
        if (change(Time.GetUtcNow()) is { } refusal)
            return ChangeResult.Refused(refusal);
        await SaveAsync(archive);
        ArmEscalation();
        return new ChangeResult(Situation.View(false), null);
    }

    /// <summary>Writes the state, then records it in the month's archive and announces it.</summary>
    private async Task SaveAsync(bool archive = false)
    {
        await state.WriteStateAsync();
        if (archive)
        {
            var month = ArchiveMonth.Of(Situation.SiteId, Situation.RaisedAt);
            await GrainFactory.GetGrain<ISituationArchiveGrain>(month).RecordAsync(Situation.Record());
        }
        if (Situation.Announced)
            GrainFactory.GetGrain<IFeedBatcherGrain>(0).PublishSituationAsync(Situation.View(false)).Ignore();
    }

    private void ArmEscalation() => ArmDeadline(Situation.NextEscalationAt, EscalateAsync);

    private async Task EscalateAsync(CancellationToken cancellationToken)
    {
        if (SituationLifecycle.Escalate(Situation, Time.GetUtcNow()) > 0)
            await SaveAsync();
        ArmEscalation();
    }
}
