using Ops.Contracts.Care;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Silo.Storage;
using Ops.Silo.Timers;

namespace Ops.Silo.Care;

/// <summary>Raises <c>welfare-check</c> (major) for a watched resident with no passage by the due time,
/// and again after each further period without one. Deadlines are durable; the silo wakes the watch
/// after a start. Arming and disarming interleave (an import of a building arms hundreds at once): each
/// changes the watches in memory and waits for one write shared with those made meanwhile.</summary>
public sealed class CareWatchGrain : DeadlineGrain, ICareWatchGrain
{
    private readonly IPersistentState<CareWatchState> state;
    private readonly CoalescedWrite write;

    public CareWatchGrain([PersistentState("care-watch", GrainStorage.Name)] IPersistentState<CareWatchState> state, TimeProvider time)
        : base(time)
    {
        this.state = state;
        write = new CoalescedWrite(state.WriteStateAsync);
    }

    private string SiteId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Arm();
        return Task.CompletedTask;
    }

    public async Task ArmAsync(WelfareWatch watch)
    {
        if (!watch.Passage && state.State.Watches.TryGetValue(watch.ResidentId, out var running))
            watch = watch with { Due = running.Due };
        if (state.State.Watches.GetValueOrDefault(watch.ResidentId) == watch)
            return;
        state.State.Watches[watch.ResidentId] = watch;
        Arm();
        await write.WriteAsync();
    }

    public async Task DisarmAsync(string residentId)
    {
        if (!state.State.Watches.Remove(residentId))
            return;
        Arm();
        await write.WriteAsync();
    }

    public Task WakeAsync() => Task.CompletedTask;

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes < 2 ? $"{span.TotalSeconds:0} s" : span.TotalHours < 2 ? $"{span.TotalMinutes:0} min" : $"{span.TotalHours:0.#} h";

    private void Arm() =>
        ArmDeadline(state.State.Watches.Count == 0 ? null : state.State.Watches.Values.Min(w => w.Due), CheckAsync);

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var situations = GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId);
        foreach (var watch in state.State.Watches.Values.Where(w => w.Due <= now).ToList())
        {
            var silence = TimeSpan.FromSeconds(watch.PeriodSeconds);
            await situations.RaiseAsync(new RaiseRequest
            {
                Kind = SituationKinds.WelfareCheck,
                Severity = Severity.Major,
                Subject = $"resident:{watch.ResidentId}:welfare",
                Title = $"Check on {watch.Name} ({watch.Unit}): not seen for a while",
                Detail = $"elderly and living alone; no passage for {Duration(silence)}",
                ResidentId = watch.ResidentId,
                Unit = watch.Unit,
                At = now,
            });
            // A passage or a disarm may have come in while the situation was raised: it stands.
            if (state.State.Watches.GetValueOrDefault(watch.ResidentId) == watch)
                state.State.Watches[watch.ResidentId] = watch with { Due = now + silence };
        }
        Arm();
        await write.WriteAsync();
    }
}
