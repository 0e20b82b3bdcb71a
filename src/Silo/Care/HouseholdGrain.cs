using Ops.Contracts.Care;
using Ops.Contracts.Situations;
using Ops.Silo.Storage;

namespace Ops.Silo.Care;

public sealed class HouseholdGrain(
    [PersistentState("household", GrainStorage.Name)] IPersistentState<HouseholdState> state,
    TimeProvider time) : Grain, IHouseholdGrain
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private IGrainTimer? timer;

    private string SiteId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().IndexOf('/')];

    private string Unit => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().IndexOf('/') + 1)..];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Arm();
        return Task.CompletedTask;
    }

    public async Task WentOutAsync(HouseholdExit exit)
    {
        state.State.Exits.RemoveAll(e => e.At < exit.At - Memory);
        state.State.Exits.Add(exit);
        // An escort who went out now covers the children still waiting for one.
        state.State.Unescorted.RemoveAll(child => ChildEscort.Escorted(child, [exit]));
        if (exit.Child && !ChildEscort.Escorted(exit, state.State.Exits))
            state.State.Unescorted.Add(exit);
        await state.WriteStateAsync();
        Arm();
    }

    private void Arm()
    {
        timer?.Dispose();
        timer = null;
        if (state.State.Unescorted.Count == 0)
            return;
        var wait = state.State.Unescorted.Min(ChildEscort.WindowEnd) - time.GetUtcNow();
        var dueIn = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        DelayDeactivation(dueIn + TimeSpan.FromMinutes(1));
        timer = this.RegisterGrainTimer(RaiseAloneAsync, new GrainTimerCreationOptions { DueTime = dueIn, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }

    private async Task RaiseAloneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var situations = GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId);
        foreach (var child in state.State.Unescorted.Where(c => ChildEscort.WindowEnd(c) <= now).ToList())
        {
            await situations.RaiseAsync(new RaiseRequest
            {
                Kind = SituationKinds.ChildAlone,
                Severity = Severity.Major,
                Subject = $"resident:{child.ResidentId}:child-alone",
                Title = $"{child.Name} ({Unit}) went out alone",
                Detail = $"a child went out at {child.GateId} and no one of the household went out within {child.EscortSeconds} s",
                GateId = child.GateId,
                ResidentId = child.ResidentId,
                Unit = Unit,
                At = child.At,
            });
            state.State.Unescorted.Remove(child);
        }
        await state.WriteStateAsync();
        Arm();
    }
}
