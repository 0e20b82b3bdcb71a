using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Gates;
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
        var before = state.State.Resident;
        var cards = resident.Cards.Select(Identifiers.NormaliseCard).Distinct(StringComparer.Ordinal).ToList();
        var plates = resident.Plates.Select(Identifiers.NormalisePlate).Distinct(StringComparer.Ordinal).ToList();

        // What this call took from others, to give back when a later claim is refused, so a refused save changes nothing.
        var taken = new List<Func<Task>>();
        if (await ClaimEachAsync(cards, resident, card => Card(card).ClaimAsync(residentId),
                (card, previous) => Card(card).ReleaseAsync(residentId, previous), taken) is { } cardConflict)
            return new ResidentSaved(null, cardConflict.Key, cardConflict.Holder);
        if (await ClaimEachAsync(plates, resident, plate => Plate(plate).ClaimAsync(residentId),
                (plate, previous) => Plate(plate).ReleaseAsync(residentId, previous), taken) is { } plateConflict)
            return new ResidentSaved(null, null, plateConflict.Holder, plateConflict.Key);

        foreach (var dropped in (before?.Cards ?? []).Except(cards, StringComparer.Ordinal))
            await Card(dropped).ReleaseAsync(residentId);
        foreach (var dropped in (before?.Plates ?? []).Except(plates, StringComparer.Ordinal))
            await Plate(dropped).ReleaseAsync(residentId);

        state.State.Resident = resident with { Cards = cards, Plates = plates };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISiteGrain>(SiteId).AddResidentAsync(residentId);
        return new ResidentSaved(state.State.Resident, null, null);
    }

    /// <summary>Claims each card or plate for the resident. An inactive resident keeps one another active
    /// resident holds without claiming it; for an active one that is a conflict: everything taken so far
    /// goes back to its holder and the conflicting key and its holder are returned.</summary>
    private static async Task<(string Key, string Holder)?> ClaimEachAsync(
        IEnumerable<string> keys, Resident resident, Func<string, Task<CardClaim>> claim,
        Func<string, string?, Task> release, List<Func<Task>> taken)
    {
        foreach (var key in keys)
        {
            var claimed = await claim(key);
            if (claimed.Holder == resident.ResidentId)
            {
                if (claimed.Previous != resident.ResidentId)
                    taken.Add(() => release(key, claimed.Previous));
            }
            else if (resident.Active)
            {
                foreach (var giveBack in taken)
                    await giveBack();
                return (key, claimed.Holder);
            }
        }
        return null;
    }

    public Task<Resident?> GetAsync() => Task.FromResult(state.State.Resident);

    public Task<Presence> GetPresenceAsync() => Task.FromResult(state.State.Presence);

    public async Task<CardPassResult> PassAsync(CardPass pass)
    {
        var resident = state.State.Resident;
        var decision = PedestrianRule.Decide(pass.Card, resident);
        if (resident is null || decision.Reason == Reasons.DeniedUnknownCard)
            return new CardPassResult { Reason = decision.Reason };

        var presence = state.State.Presence;
        var late = presence.LastSeenAt is { } last && pass.At < last;
        if (decision.Action == GateActions.Open && !late)
        {
            if (pass.SoftAntiPassback && pass.Direction == Direction.In && presence.Inside == true)
                await RaiseAntiPassbackAsync(resident, pass, presence);
            state.State.Presence = new Presence { Inside = pass.Direction == Direction.In, LastSeenAt = pass.At, LastGateId = pass.GateId };
            await state.WriteStateAsync();
        }
        return new CardPassResult { Reason = decision.Reason, ResidentId = resident.ResidentId, ResidentName = resident.Name };
    }

    private Task RaiseAntiPassbackAsync(Resident resident, CardPass pass, Presence presence) =>
        GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId).RaiseAsync(new RaiseRequest
        {
            Kind = SituationKinds.AntiPassback,
            Severity = Severity.Minor,
            Subject = $"resident:{resident.ResidentId}",
            Title = $"{resident.Name} entered again without leaving",
            Detail = $"inside since {presence.LastSeenAt:O} (gate {presence.LastGateId}); let in by the site's soft anti-passback",
            GateId = pass.GateId,
            ResidentId = resident.ResidentId,
            Unit = resident.Unit,
            At = pass.At,
        });

    private ICardGrain Card(string card) => GrainFactory.GetGrain<ICardGrain>($"{SiteId}/{card}");

    private IPlateGrain Plate(string plate) => GrainFactory.GetGrain<IPlateGrain>($"{SiteId}/{plate}");
}
