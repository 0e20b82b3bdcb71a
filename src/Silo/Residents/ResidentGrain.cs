using Ops.Contracts;
using Ops.Contracts.Care;
using Ops.Contracts.Residents;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Care;
using Ops.Silo.Gates;
using Ops.Silo.Storage;

namespace Ops.Silo.Residents;

public sealed class ResidentGrain(
    [PersistentState(ResidentGrain.StateName, GrainStorage.Name)] IPersistentState<ResidentState> state,
    TimeProvider time)
    : Grain, IResidentGrain
{
    /// <summary>The name its state is stored under, keyed <c>{siteId}/{residentId}</c>.</summary>
    public const string StateName = "resident";

    /// <summary>What the stored keys of a site's residents begin with.</summary>
    public static string KeyPrefix(string siteId) => $"{siteId}/";

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
        await GrainFactory.Reference<IResidentDirectoryGrain>(SiteId).PutAsync(state.State.Resident);
        // A resident new to the archive is in no watch yet: only one to be watched concerns it.
        if (before is not null || CareRules.NeedsWelfareWatch(resident))
        {
            var config = await GrainFactory.Reference<ISiteGrain>(SiteId).GetConfigAsync() ?? new SiteConfig();
            await WatchWelfareAsync(state.State.Resident, state.State.Presence.LastSeenAt ?? time.GetUtcNow(), config.Care.WelfareCheckSeconds, passage: false);
        }
        return new ResidentSaved(state.State.Resident, null, null);
    }

    public async Task<ResidentSaved> ImportAsync(Resident resident)
    {
        var before = state.State.Resident;
        try
        {
            return await SaveAsync(resident);
        }
        finally
        {
            // Only once done: until then, card grains must still reach this one (GetAsync interleaves) to settle claims.
            foreach (var card in (before?.Cards ?? []).Union(resident.Cards.Select(Identifiers.NormaliseCard)))
                _ = Card(card).RestAsync();
            foreach (var plate in (before?.Plates ?? []).Union(resident.Plates.Select(Identifiers.NormalisePlate)))
                _ = Plate(plate).RestAsync();
            DeactivateOnIdle();
        }
    }

    /// <summary>Claims each card or plate for the resident. An inactive resident keeps one another active
    /// resident holds without claiming it; for an active one that is a conflict: everything taken so far
    /// goes back to its holder and the conflicting key and its holder are returned.</summary>
    private static async Task<(string Key, string Holder)?> ClaimEachAsync(
        IEnumerable<string> keys, Resident resident, Func<string, Task<HolderClaim>> claim,
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
        var result = new CardPassResult { Reason = decision.Reason, ResidentId = resident.ResidentId, ResidentName = resident.Name };
        var presence = state.State.Presence;
        // A passage from before the last one seen is a gate's late buffer: it changes nothing now.
        if (decision.Action != GateActions.Open || presence.LastSeenAt is { } last && pass.At < last)
            return result;

        if (pass.SoftAntiPassback && pass.Direction == Direction.In && presence.Inside == true)
            await RaiseAntiPassbackAsync(resident, pass, presence);
        var care = CareRules.OnPassage(resident, presence, state.State.BirthdayGreeted, pass.GateId, pass.At, pass.Site);
        state.State.Presence = new Presence { Inside = pass.Direction == Direction.In, LastSeenAt = pass.At, LastGateId = pass.GateId };
        state.State.BirthdayGreeted = care.BirthdayGreeted;
        await state.WriteStateAsync();

        var situations = GrainFactory.Reference<ISiteSituationsGrain>(SiteId);
        foreach (var raise in care.Raises)
            await situations.RaiseAsync(raise);
        if (pass.Pedestrian && pass.Direction == Direction.Out)
            await GrainFactory.GetGrain<IHouseholdGrain>($"{SiteId}/{resident.Unit}").WentOutAsync(new HouseholdExit
            {
                ResidentId = resident.ResidentId, Name = resident.Name, Child = resident.Care.Contains("child"),
                GateId = pass.GateId, At = pass.At, EscortSeconds = pass.Site.Care.ChildEscortSeconds,
            });
        // Only watched residents concern the site's welfare watch at a passage; saves arm and disarm it.
        if (CareRules.NeedsWelfareWatch(resident))
            await WatchWelfareAsync(resident, pass.At, pass.Site.Care.WelfareCheckSeconds, passage: true);
        return result with { Personal = care.Personal, Greeting = care.Greeting, OpenFactor = care.OpenFactor };
    }

    /// <summary>Residents who are elderly and live alone are watched: a passage is due within the
    /// site's <c>welfareCheckSeconds</c> of the last one (or of being taken into the archive).</summary>
    private Task WatchWelfareAsync(Resident resident, DateTimeOffset since, int periodSeconds, bool passage)
    {
        var watch = GrainFactory.Reference<ICareWatchGrain>(SiteId);
        return CareRules.NeedsWelfareWatch(resident)
            ? watch.ArmAsync(new WelfareWatch
            {
                ResidentId = resident.ResidentId, Name = resident.Name, Unit = resident.Unit,
                Due = since.AddSeconds(periodSeconds), PeriodSeconds = periodSeconds, Passage = passage,
            })
            : watch.DisarmAsync(resident.ResidentId);
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

    private ICardGrain Card(string card) => GrainFactory.Reference<ICardGrain>($"{SiteId}/{card}");

    private IPlateGrain Plate(string plate) => GrainFactory.Reference<IPlateGrain>($"{SiteId}/{plate}");
}
