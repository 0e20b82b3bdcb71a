using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Residents;

public sealed class ResidentGrain(
    [PersistentState("resident", GrainStorage.Name)] IPersistentState<ResidentState> state)
    : Grain, IResidentGrain
{
    private string SiteId => this.GetPrimaryKeyString().Split('/')[0];

    public async Task<ResidentSaved> SaveAsync(Resident resident)
    {
        var residentId = resident.ResidentId;
        var before = state.State.Resident?.Cards ?? [];
        var cards = resident.Cards.Select(Identifiers.NormaliseCard).Distinct(StringComparer.Ordinal).ToList();

        var claimed = new List<(string Card, string? Previous)>();
        foreach (var card in cards)
        {
            var claim = await Card(card).ClaimAsync(residentId);
            if (claim.Holder == residentId)
            {
                claimed.Add((card, claim.Previous));
            }
            else if (resident.Active)
            {
                // Undo what this call took, each card back to its holder, so a refused save changes nothing.
                foreach (var (taken, previous) in claimed.Where(c => c.Previous != residentId))
                    await Card(taken).ReleaseAsync(residentId, previous);
                return new ResidentSaved(null, card, claim.Holder);
            }
        }
        foreach (var dropped in before.Except(cards, StringComparer.Ordinal))
            await Card(dropped).ReleaseAsync(residentId);

        state.State.Resident = resident with { Cards = cards };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISiteGrain>(SiteId).AddResidentAsync(residentId);
        return new ResidentSaved(state.State.Resident, null, null);
    }

    public Task<Resident?> GetAsync() => Task.FromResult(state.State.Resident);

    private ICardGrain Card(string card) => GrainFactory.GetGrain<ICardGrain>($"{SiteId}/{card}");
}
