using Ops.Contracts.Residents;
using Ops.Silo.Storage;

namespace Ops.Silo.Residents;

/// <summary>The plate index of a site; works as <see cref="CardGrain"/> does for cards.</summary>
public sealed class PlateGrain(
    [PersistentState("plate", GrainStorage.Name)] IPersistentState<PlateState> state) : Grain, IPlateGrain
{
    public Task<string?> GetHolderAsync() => Task.FromResult(state.State.Holder);

    public async Task<CardClaim> ClaimAsync(string residentId)
    {
        var previous = state.State.Holder;
        if (previous is not null && previous != residentId && await HoldsActivelyAsync(previous))
            return new CardClaim(previous, previous);
        if (previous != residentId)
        {
            state.State.Holder = residentId;
            await state.WriteStateAsync();
        }
        return new CardClaim(residentId, previous);
    }

    public async Task ReleaseAsync(string residentId, string? restoreTo = null)
    {
        if (state.State.Holder != residentId)
            return;
        state.State.Holder = restoreTo;
        await state.WriteStateAsync();
    }

    private async Task<bool> HoldsActivelyAsync(string holderId)
    {
        var key = this.GetPrimaryKeyString();
        var siteId = key[..key.IndexOf('/')];
        var plate = key[(key.IndexOf('/') + 1)..];
        var holder = await GrainFactory.GetGrain<IResidentGrain>($"{siteId}/{holderId}").GetAsync();
        return holder is { Active: true } && holder.Plates.Contains(plate, StringComparer.Ordinal);
    }
}
