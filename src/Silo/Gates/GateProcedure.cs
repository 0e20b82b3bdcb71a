using Ops.Contracts;
using Ops.Contracts.Feed;
using Ops.Contracts.Gates;
using Ops.Contracts.Parking;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;

namespace Ops.Silo.Gates;

/// <summary>The standard procedure of the gate procedure (README) for one event at one gate: asks the grains the event
/// concerns (card holder, vehicle) and says what to answer and what the live feed shows.</summary>
public sealed class GateProcedure(IGrainFactory grains, GateAddress gate, SiteConfig site, bool pedestrian)
{
    public async Task<(Answer? Answer, EventView Entry)> HandleAsync(GateEvent gateEvent) => gateEvent.Type switch
    {
        EventTypes.CardSwiped => await CardAsync(gateEvent),
        EventTypes.PlateRead => await PlateAsync(gateEvent, payment: false),
        EventTypes.PaymentCompleted => await PlateAsync(gateEvent, payment: true),
        _ => (null, Entry(gateEvent)),
    };

    private async Task<(Answer?, EventView)> CardAsync(GateEvent gateEvent)
    {
        var card = Identifiers.NormaliseCard(gateEvent.Card!);
        var cardGrain = grains.Reference<ICardGrain>($"{gate.SiteId}/{card}");
        // The directory answers from memory for the active residents; any other card is the card grain's to name.
        var holderId = await grains.Reference<IResidentDirectoryGrain>(gate.SiteId).HolderOfCardAsync(card)
            ?? await cardGrain.GetHolderAsync();
        var result = holderId is null
            ? new CardPassResult { Reason = Reasons.DeniedUnknownCard }
            : await grains.Reference<IResidentGrain>($"{gate.SiteId}/{holderId}").PassAsync(new CardPass
            {
                Card = card,
                GateId = gate.GateId,
                Direction = gateEvent.Direction!,
                At = gateEvent.At,
                SoftAntiPassback = site.Pedestrian.SoftAntiPassback,
                Pedestrian = pedestrian,
                Site = site,
            });
        var action = result.Reason.StartsWith("granted.", StringComparison.Ordinal) ? GateActions.Open : GateActions.Deny;
        if (action == GateActions.Deny)
            await cardGrain.DeniedAsync(gate.GateId, gateEvent.At, site.Care);
        var (display, voice) = GateTexts.For(result.Reason, site.Language);
        var answer = new Answer(action, result.Reason, [.. result.Greeting.Concat(display).Take(Parking.ParkingTexts.MaxLines)], result.Greeting.Count > 0 ? string.Join(" ", [.. result.Greeting, voice]) : voice)
        {
            Personal = result.Personal,
            OpenFactor = result.OpenFactor,
        };
        return (answer, Entry(gateEvent) with
        {
            CardTail = Identifiers.CardTail(card),
            ResidentId = result.ResidentId,
            ResidentName = result.ResidentName,
            Action = action,
            Reason = result.Reason,
        });
    }

    private async Task<(Answer?, EventView)> PlateAsync(GateEvent gateEvent, bool payment)
    {
        var vehicle = grains.Reference<IVehicleGrain>($"{gate.SiteId}/{gateEvent.Plate}");
        var read = new PlateRead
        {
            GateId = gate.GateId,
            EventId = gateEvent.EventId,
            At = gateEvent.At,
            Direction = gateEvent.Direction ?? "",
            AmountCents = gateEvent.AmountCents ?? 0,
            Site = site,
        };
        var decision = payment ? await vehicle.PayAsync(read) : await vehicle.ReadAsync(read);
        return (new Answer(decision.Action, decision.Reason, decision.Display, decision.Voice), Entry(gateEvent) with
        {
            ResidentId = decision.ResidentId,
            Action = decision.Action,
            Reason = decision.Reason,
            AmountCents = payment ? gateEvent.AmountCents : decision.FeeCents,
        });
    }

    public EventView Entry(GateEvent gateEvent) => new()
    {
        SiteId = gate.SiteId,
        GateId = gate.GateId,
        EventId = gateEvent.EventId,
        Type = gateEvent.Type,
        At = gateEvent.At,
        Direction = gateEvent.Direction,
        Plate = gateEvent.Plate,
    };

    /// <summary>A failed command is a fault of the gate (docs/gate-protocol.md <c>command.result</c>).</summary>
    public static RaiseRequest? FailedCommand(GateEvent result, GateView view, GateCommand? command) => result.Ok == false
        ? new RaiseRequest
        {
            Kind = SituationKinds.GateFault,
            Severity = Severity.Major,
            Subject = SituationKinds.GateSubject(view.GateId),
            Title = $"A command failed at {view.Name}",
            Detail = $"command {result.CommandId}{(command is null ? "" : $" ({command.Action} {command.Reason})")} failed{(result.Detail is null ? "" : $": {result.Detail}")}",
            GateId = view.GateId,
            At = result.At,
        }
        : null;
}
