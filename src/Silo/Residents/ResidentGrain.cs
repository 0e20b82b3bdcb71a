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

        var claimed = new List<string>();
        foreach (var card in cards)
        {
            var holder = await Card(card).ClaimAsync(residentId);
            if (holder == residentId)
            {
                claimed.Add(card);
            }
            else if (resident.Active)
            {
                // Undo what this call took, so a refused save changes nothing.
                foreach (var taken in claimed.Except(before, StringComparer.Ordinal))
                    await Card(taken).ReleaseAsync(residentId);
                return new ResidentSaved(null, card, holder);
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
