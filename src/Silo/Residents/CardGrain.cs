using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Residents;

/// <summary>The card index of a site; also notices a card refused again and again. Only saves and refusals reach it
/// (a swipe of an active resident's card is answered by the resident directory), so it goes back to storage after
/// half a minute idle (<see cref="Hosting.IdleCollection"/>), not Orleans' usual quarter of an hour: 100,000 cards
/// just provisioned would hold about 300 MB. While refusals are counting towards card help it stays.</summary>
[CollectionAgeLimit(Minutes = 0.5)]
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
        {
            // The count lives in memory: idle collection must not end it before the window does.
            DelayDeactivation(TimeSpan.FromSeconds(care.CardHelpWindowSeconds));
            return;
        }
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
