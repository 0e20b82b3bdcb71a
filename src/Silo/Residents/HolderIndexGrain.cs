using Ops.Contracts.Residents;

namespace Ops.Silo.Residents;

/// <summary>An index entry of a site, keyed <c>{siteId}/{value}</c>, for a value a resident holds (a card,
/// a plate): it belongs to at most one active resident. Residents' saves claim and release values here, one
/// grain per value, so that two saves conflict only when they name the same one. A gate's question who holds
/// a card is answered by the site's resident directory, from memory.</summary>
public abstract class HolderIndexGrain(IPersistentState<HolderState> state) : Grain
{
    protected string? Holder => state.State.Holder;

    /// <summary>The values of this kind a resident holds (its cards, or its plates), normalised.</summary>
    protected abstract IReadOnlyList<string> ValuesOf(Resident resident);

    public Task<string?> GetHolderAsync() => Task.FromResult(state.State.Holder);

    /// <summary>Claims and releases come from residents' saves only; like the resident's grain, this one goes back to
    /// storage once done (<see cref="ResidentGrain.SaveAsync"/>).</summary>
    public async Task<HolderClaim> ClaimAsync(string residentId)
    {
        try
        {
            return await ClaimForAsync(residentId);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    private async Task<HolderClaim> ClaimForAsync(string residentId)
    {
        var previous = state.State.Holder;
        if (previous is not null && previous != residentId && await HoldsActivelyAsync(previous))
            return new HolderClaim(previous, previous);
        if (previous != residentId)
        {
            state.State.Holder = residentId;
            await state.WriteStateAsync();
        }
        return new HolderClaim(residentId, previous);
    }

    public async Task ReleaseAsync(string residentId, string? restoreTo = null)
    {
        if (state.State.Holder == residentId)
        {
            state.State.Holder = restoreTo;
            await state.WriteStateAsync();
        }
        DeactivateOnIdle();
    }

    protected (string SiteId, string Value) SiteAndValue()
    {
        var key = this.GetPrimaryKeyString();
        return (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
    }

    private async Task<bool> HoldsActivelyAsync(string holderId)
    {
        var (siteId, value) = SiteAndValue();
        var holder = await GrainFactory.GetGrain<IResidentGrain>($"{siteId}/{holderId}").GetAsync();
        return holder is { Active: true } && ValuesOf(holder).Contains(value, StringComparer.Ordinal);
    }
}
