using Ops.Contracts.Residents;

namespace Ops.Silo.Residents;

/// <summary>An index entry of a site, keyed <c>{siteId}/{value}</c>, for a value a resident holds (a card,
/// a plate): it belongs to at most one active resident. Residents' saves claim and release values here, one
/// grain per value, so that two saves conflict only when they name the same one. A swipe asks the site's resident
/// directory who holds a card first, from memory, and comes here when no active resident there lists it.</summary>
public abstract class HolderIndexGrain(IPersistentState<HolderState> state, TimeProvider time) : Grain
{
    /// <summary>How long a claim counts as its save still under way while the claimant's record does not show it. A save
    /// takes milliseconds, seconds in a large import; a claim whose save failed frees the value after this.</summary>
    public static readonly TimeSpan PendingClaim = TimeSpan.FromSeconds(30);

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
        if (previous is not null && previous != residentId && await HoldsAsync(previous))
            return new HolderClaim(previous, previous);
        if (previous != residentId)
        {
            state.State.Holder = residentId;
            state.State.ClaimedAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }
        return new HolderClaim(residentId, previous);
    }

    public async Task ReleaseAsync(string residentId, string? restoreTo = null)
    {
        if (state.State.Holder != residentId)
            return;
        state.State.Holder = restoreTo;
        state.State.ClaimedAt = null;
        await state.WriteStateAsync();
    }

    protected (string SiteId, string Value) SiteAndValue()
    {
        var key = this.GetPrimaryKeyString();
        return (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
    }

    /// <summary>Whether the holder keeps the value from another claimant: it is an active resident who lists it, or its
    /// claim is recent and its record does not list the value yet (its save is under way: two saves at once that name
    /// the same value must not both get it).</summary>
    private async Task<bool> HoldsAsync(string holderId)
    {
        var (siteId, value) = SiteAndValue();
        var holder = await GrainFactory.GetGrain<IResidentGrain>($"{siteId}/{holderId}").GetAsync();
        var listed = holder is not null && ValuesOf(holder).Contains(value, StringComparer.Ordinal);
        return listed
            ? holder!.Active
            : state.State.ClaimedAt is { } claimedAt && time.GetUtcNow() - claimedAt < PendingClaim;
    }
}
