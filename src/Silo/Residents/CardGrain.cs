using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Residents;

/// <summary>The card index of a site; also notices a card refused again and again. Only saves and refusals reach it
/// (a swipe of an active resident's card is answered by the resident directory), so it does not wait Orleans' usual
/// quarter of an hour idle before going back to storage: 100,000 provisioned cards would hold about 300 MB.</summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class CardGrain(
    [PersistentState("card", GrainStorage.Name)] IPersistentState<HolderState> state, TimeProvider time)
    : HolderIndexGrain(state, time), ICardGrain
{
    // Recent refusals, in memory: a burst of them is what matters, not their history.
    private readonly List<DateTimeOffset> denials = [];

    protected override IReadOnlyList<string> ValuesOf(Resident resident) => resident.Cards;

    public async Task DeniedAsync(string gateId, DateTimeOffset at, CareConfig care)
    {
        denials.RemoveAll(d => d <= at.AddSeconds(-care.CardHelpWindowSeconds));
        denials.Add(at);
        if (denials.Count < care.CardHelpDenials)
            return;
        denials.Clear();
        var (siteId, card) = SiteAndValue();
        var holder = Holder is { } holderId
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
}
