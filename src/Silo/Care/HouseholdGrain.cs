using Ops.Contracts.Care;
using Ops.Contracts.Situations;
using Ops.Silo.Storage;
using Ops.Silo.Timers;

namespace Ops.Silo.Care;

public sealed class HouseholdGrain(
    [PersistentState("household", GrainStorage.Name)] IPersistentState<HouseholdState> state,
    TimeProvider time) : DeadlineGrain(time), IHouseholdGrain
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

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

    private void Arm() =>
        ArmDeadline(state.State.Unescorted.Count == 0 ? null : state.State.Unescorted.Min(ChildEscort.WindowEnd), RaiseAloneAsync);

    private async Task RaiseAloneAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
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
