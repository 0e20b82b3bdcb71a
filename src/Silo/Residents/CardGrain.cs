using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Residents;

public sealed class CardGrain(
    [PersistentState("card", GrainStorage.Name)] IPersistentState<CardState> state) : Grain, ICardGrain
{
    // Recent refusals, in memory: a burst of them is what matters, not their history.
    private readonly List<DateTimeOffset> denials = [];

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

    public async Task DeniedAsync(string gateId, DateTimeOffset at, CareConfig care)
    {
        denials.RemoveAll(d => d <= at.AddSeconds(-care.CardHelpWindowSeconds));
        denials.Add(at);
        if (denials.Count < care.CardHelpDenials)
            return;
        denials.Clear();
        var (siteId, card) = SiteAndCard();
        var holder = state.State.Holder is { } holderId
            ? await GrainFactory.GetGrain<IResidentGrain>($"{siteId}/{holderId}").GetAsync()
            : null;
        await GrainFactory.GetGrain<ISiteSituationsGrain>(siteId).RaiseAsync(new RaiseRequest
        {
            Kind = SituationKinds.CardHelp,
            Severity = Severity.Minor,
            Subject = $"card:{card}",
            Title = holder is null
                ? $"An unknown card ending {Identifiers.CardTail(card)} was refused {care.CardHelpDenials} times"
                : $"{holder.Name}'s card ending {Identifiers.CardTail(card)} was refused {care.CardHelpDenials} times",
            Detail = $"within {care.CardHelpWindowSeconds} s, last at {gateId}",
            GateId = gateId,
            ResidentId = holder?.ResidentId,
            Unit = holder?.Unit,
            At = at,
        });
    }

    public async Task ReleaseAsync(string residentId, string? restoreTo = null)
    {
        if (state.State.Holder != residentId)
            return;
        state.State.Holder = restoreTo;
        await state.WriteStateAsync();
    }

    private (string SiteId, string Card) SiteAndCard()
    {
        var key = this.GetPrimaryKeyString();
        return (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
    }

    private async Task<bool> HoldsActivelyAsync(string holderId)
    {
        var (siteId, card) = SiteAndCard();
        var holder = await GrainFactory.GetGrain<IResidentGrain>($"{siteId}/{holderId}").GetAsync();
        return holder is { Active: true } && holder.Cards.Contains(card, StringComparer.Ordinal);
    }
}
