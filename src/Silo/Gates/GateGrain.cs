using Microsoft.Extensions.Logging;
using Ops.Contracts;
using Ops.Contracts.Feed;
using Ops.Contracts.Gates;
using Ops.Contracts.Residents;
using Ops.Contracts.Sites;
using Ops.Silo.Security;
using Ops.Silo.Storage;

namespace Ops.Silo.Gates;

public sealed class GateGrain(
    [PersistentState("gate", GrainStorage.Name)] IPersistentState<GateState> state,
    ILogger<GateGrain> logger) : Grain, IGateGrain
{
    private GateAddress address;
    private SiteConfig site = new();
    private bool online;
    private string? door;
    private string? barrier;
    private DateTimeOffset? lastEventAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GateAddress.TryParse(this.GetPrimaryKeyString(), out address);
        site = await GrainFactory.GetGrain<ISiteGrain>(address.SiteId).GetConfigAsync() ?? new SiteConfig();
    }

    public async Task<GateProvisioned> ProvisionAsync(GateSpec spec, bool rotateSecret)
    {
        MqttCredentials? credentials = null;
        if (state.State.Spec is null || rotateSecret)
        {
            credentials = new MqttCredentials(address.Key, SecretHasher.NewSecret());
            state.State.SecretHash = SecretHasher.Hash(credentials.Password);
        }
        state.State.Spec = spec;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISiteGrain>(address.SiteId).AddGateAsync(address.GateId);
        return new GateProvisioned(View(spec), credentials);
    }

    public Task<GateView?> GetAsync() =>
        Task.FromResult(state.State.Spec is { } spec ? View(spec) : null);

    public Task<bool> VerifySecretAsync(string password) =>
        Task.FromResult(state.State.Spec is not null && SecretHasher.Verify(password, state.State.SecretHash));

    public async Task<EventOutcome> HandleEventAsync(GateEvent gateEvent)
    {
        if (state.State.FindProcessed(gateEvent.EventId) is { } processed)
            return new EventOutcome(processed.Command);

        var (command, entry) = gateEvent.Type switch
        {
            EventTypes.CardSwiped => await DecideCardAsync(gateEvent),
            _ => (null, FeedEntry(gateEvent)),
        };
        Observe(gateEvent);
        state.State.Remember(new ProcessedEvent(gateEvent.EventId, command));
        await state.WriteStateAsync();

        GrainFactory.GetGrain<IFeedBatcherGrain>(0).PublishAsync(entry).Ignore();
        return new EventOutcome(command);
    }

    public Task HandleStatusAsync(GateStatus status)
    {
        online = status.Online;
        return Task.CompletedTask;
    }

    public Task SiteChangedAsync(SiteConfig config)
    {
        site = config;
        return Task.CompletedTask;
    }

    private async Task<(GateCommand, EventView)> DecideCardAsync(GateEvent gateEvent)
    {
        var card = Identifiers.NormaliseCard(gateEvent.Card!);
        var holderId = await GrainFactory.GetGrain<ICardGrain>($"{address.SiteId}/{card}").GetHolderAsync();
        var holder = holderId is null
            ? null
            : await GrainFactory.GetGrain<IResidentGrain>($"{address.SiteId}/{holderId}").GetAsync();
        var decision = PedestrianRule.Decide(card, holder);
        var command = Command(gateEvent, decision);
        logger.LogInformation("Gate {Gate} card ...{CardTail} {Direction}: {Action} {Reason}",
            address, Identifiers.CardTail(card), gateEvent.Direction, decision.Action, decision.Reason);

        var known = decision.Reason != Reasons.DeniedUnknownCard ? holder : null;
        return (command, FeedEntry(gateEvent) with
        {
            CardTail = Identifiers.CardTail(card),
            ResidentId = known?.ResidentId,
            ResidentName = known?.Name,
            Action = decision.Action,
            Reason = decision.Reason,
        });
    }

    private GateCommand Command(GateEvent gateEvent, PassDecision decision)
    {
        var (display, voice) = GateTexts.For(decision.Reason, site.Language);
        return new GateCommand
        {
            CommandId = Guid.NewGuid().ToString("N"),
            InReplyTo = gateEvent.EventId,
            Action = decision.Action,
            Reason = decision.Reason,
            OpenSeconds = decision.Action == GateActions.Open ? state.State.Spec?.OpenSeconds : null,
            Display = display,
            Voice = voice,
        };
    }

    private void Observe(GateEvent gateEvent)
    {
        online = true;
        lastEventAt = lastEventAt is { } last && last > gateEvent.At ? last : gateEvent.At;
        switch (gateEvent.Type)
        {
            case EventTypes.DoorOpened: door = "open"; break;
            case EventTypes.DoorClosed: door = "closed"; break;
            case EventTypes.DoorForced: door = "forced"; break;
            case EventTypes.DoorHeld: door = "held"; break;
            case EventTypes.BarrierOpened: barrier = "open"; break;
            case EventTypes.BarrierClosed: barrier = "closed"; break;
        }
    }

    private EventView FeedEntry(GateEvent gateEvent) => new()
    {
        SiteId = address.SiteId,
        GateId = address.GateId,
        EventId = gateEvent.EventId,
        Type = gateEvent.Type,
        At = gateEvent.At,
        Direction = gateEvent.Direction,
        Plate = gateEvent.Plate,
    };

    private GateView View(GateSpec spec) => new()
    {
        SiteId = address.SiteId,
        GateId = address.GateId,
        Name = spec.Name ?? address.GateId,
        Kind = spec.Kind,
        Direction = spec.Direction,
        Building = spec.Building,
        HeartbeatSeconds = spec.HeartbeatSeconds,
        OpenSeconds = spec.OpenSeconds,
        Online = online,
        Door = door,
        Barrier = barrier,
        LastEventAt = lastEventAt,
    };
}
