using Ops.Contracts.Residents;

namespace Ops.Silo.Residents;

/// <summary>An index entry of a site, keyed <c>{siteId}/{value}</c>, for a value a resident holds (a card,
/// a plate): it belongs to at most one active resident. Residents' saves claim and release values here, one
/// grain per value, so that two saves conflict only when they name the same one. A swipe asks the site's resident
/// directory who holds a card first, from memory, and comes here when no active resident there lists it.</summary>
public abstract class HolderIndexGrain(IPersistentState<HolderState> state) : Grain
{
    protected string? Holder => state.State.Holder;

    /// <summary>The values of this kind a resident holds (its cards, or its plates), normalised.</summary>
    protected abstract IReadOnlyList<string> ValuesOf(Resident resident);

    public Task<string?> GetHolderAsync() => Task.FromResult(state.State.Holder);

    public Task RestAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task<HolderClaim> ClaimAsync(string residentId)
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
        if (state.State.Holder != residentId)
            return;
        state.State.Holder = restoreTo;
        await state.WriteStateAsync();
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
