using Microsoft.Extensions.Logging;
using Ops.Contracts;
using Ops.Contracts.Feed;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;
using Orleans.Serialization;

namespace Ops.Silo.Gates;

public sealed class GateGrain(
    [PersistentState("gate", GrainStorage.Name)] IPersistentState<GateState> state,
    GateSecretHasher secrets,
    StateStore store,
    Serializer serializer,
    TimeProvider time,
    ILogger<GateGrain> logger) : Grain, IGateGrain
{
    /// <summary>A gate is offline after this many heartbeat periods without a status or event.</summary>
    public const int MissedHeartbeats = 3;

    /// <summary>Events older than this are decided and recorded, but get no command: a gate's late
    /// buffer must not open a barrier now for a car that left long ago.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    private GateAddress address;
    private SiteConfig site = new();
    private GateLiveState live = new();
    private GateEventLog processed = null!;
    private IGrainTimer? healthCheck;
    private IFeedBatcherGrain? feed;

    private IFeedBatcherGrain Feed => feed ??= GrainFactory.GetGrain<IFeedBatcherGrain>(0);

    private ISiteSituationsGrain Situations => GrainFactory.Reference<ISiteSituationsGrain>(address.SiteId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GateAddress.TryParse(this.GetPrimaryKeyString(), out address);
        processed = new GateEventLog(store, serializer, this.GetPrimaryKeyString());
        await processed.LoadAsync(state.State.Recent);
        state.State.Recent.Clear();
        site = await GrainFactory.GetGrain<ISiteGrain>(address.SiteId).GetConfigAsync() ?? new SiteConfig();
        live = live with { LastSeen = time.GetUtcNow() };
        ArmHealthCheck();
    }

    public async Task<GateProvisioned> ProvisionAsync(GateSpec spec, bool rotateSecret)
    {
        MqttCredentials? credentials = null;
        var rotated = state.State.Spec is not null && rotateSecret;
        if (state.State.Spec is null || rotateSecret)
        {
            credentials = new MqttCredentials(address.Key, GateSecretHasher.NewSecret());
            state.State.SecretHash = secrets.Hash(credentials.Password);
        }
        var heartbeatChanged = state.State.Spec?.HeartbeatSeconds != spec.HeartbeatSeconds;
        state.State.Spec = spec;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISiteGrain>(address.SiteId).AddGateAsync(address.GateId);
        // The old secret must stop working now, also for a connection made with it.
        if (rotated)
            await GrainFactory.GetGrain<ICommandRelayGrain>(0).DisconnectAsync(address.SiteId, address.GateId);
        if (heartbeatChanged)
        {
            healthCheck?.Dispose();
            healthCheck = null;
        }
        ArmHealthCheck();
        return new GateProvisioned(View(spec), credentials);
    }

    public Task<GateView?> GetAsync() =>
        Task.FromResult(state.State.Spec is { } spec ? View(spec) : null);

    public async Task<bool> VerifySecretAsync(string password)
    {
        if (state.State.Spec is null || !secrets.Verify(password, state.State.SecretHash))
            return false;
        if (!GateSecretHasher.IsCurrent(state.State.SecretHash))
            await UpgradeSecretHashAsync(password);
        return true;
    }

    /// <summary>A hash stored before gate secrets had their own fast hash (PBKDF2) is replaced, once, so that the
    /// gate's next logins no longer cost the slow check.</summary>
    private async Task UpgradeSecretHashAsync(string password)
    {
        var old = state.State.SecretHash;
        state.State.SecretHash = secrets.Hash(password);
        try
        {
            await state.WriteStateAsync();
            logger.LogInformation("Gate {Gate}: its secret's stored hash was upgraded to the keyed hash", address);
        }
        catch (Exception exception)
        {
            // The login stands (the secret was right); the upgrade is tried again at the next one.
            state.State.SecretHash = old;
            logger.LogWarning("Gate {Gate}: could not upgrade its secret's stored hash ({Error}); trying again at its next login",
                address, exception.GetType().Name);
        }
    }

    public async Task<EventOutcome> HandleEventAsync(GateEvent gateEvent)
    {
        if (processed.Find(gateEvent.EventId) is { } done)
            return new EventOutcome(done.Command);
        if (state.State.Spec is not { } spec)
            return EventOutcome.None;

        var now = time.GetUtcNow();
        var procedure = new GateProcedure(GrainFactory, address, site, spec.Kind == GateKind.Pedestrian);
        var (answer, entry) = await procedure.HandleAsync(gateEvent);
        // A late event is decided and recorded, but never opens a barrier now. Its age is measured on the
        // gate's own clock, so that a gate whose clock runs slow is not taken for one sending its buffer.
        var late = now - gateEvent.At - live.ClockOffset > LateAfter;
        var command = answer is not null && !late ? Command(gateEvent, answer, spec) : null;

        var before = live;
        live = live.Observe(gateEvent);
        await SeenAsync(spec);
        await RaiseSituationsAsync(gateEvent, spec);

        try
        {
            await processed.RecordAsync(new ProcessedEvent(gateEvent.EventId, command));
        }
        catch
        {
            // Not durable, so not processed: the redelivery is decided again, by a fresh activation.
            DeactivateOnIdle();
            throw;
        }

        Feed.PublishAsync(entry).Ignore();
        if (live.Door != before.Door || live.Barrier != before.Barrier)
            Feed.PublishGateAsync(View(spec)).Ignore();
        return new EventOutcome(command);
    }

    public async Task<RemoteOpen> OpenRemotelyAsync(string by, string reason)
    {
        var spec = state.State.Spec ?? throw new InvalidOperationException($"Gate {address} is not provisioned.");
        var (display, voice) = GateTexts.For(Reasons.GrantedOperator, site.Language);
        var command = Command(null, new Answer(GateActions.Open, Reasons.GrantedOperator, display, voice), spec);
        await AuditAsync(new HistoryEntry(time.GetUtcNow(), by, "opened remotely", $"{reason} (command {command.CommandId})"));
        logger.LogInformation("Gate {Gate} opened remotely by {User}", address, by);
        var gateways = await GrainFactory.GetGrain<ICommandRelayGrain>(0).SendAsync(address.SiteId, address.GateId, command);
        return new RemoteOpen(command, gateways);
    }

    public Task<IReadOnlyList<HistoryEntry>> AuditAsync() =>
        Task.FromResult<IReadOnlyList<HistoryEntry>>([.. state.State.Audit]);

    private async Task RaiseSituationsAsync(GateEvent gateEvent, GateSpec spec)
    {
        if (GateSituations.RaisedBy(gateEvent, View(spec)) is { } raise)
            await Situations.RaiseAsync(raise);
        foreach (var clearing in GateSituations.ClearedBy(gateEvent))
            await Situations.ClearAsync(clearing.Kind, SituationKinds.GateSubject(address.GateId), gateEvent.At, clearing.Why);
        if (gateEvent.Type == EventTypes.CommandResult)
        {
            var command = processed.FindCommand(gateEvent.CommandId!);
            // Audited: every failure, and the results of commands that answered no recent event (remote opens).
            if (gateEvent.Ok != true || command is null)
                await AuditAsync(new HistoryEntry(gateEvent.At, address.Key, gateEvent.Ok == true ? "command succeeded" : "command failed",
                    $"{gateEvent.CommandId}{(command is null ? "" : $" ({command.Action} {command.Reason})")}{(gateEvent.Detail is null ? "" : $": {gateEvent.Detail}")}"));
            if (GateProcedure.FailedCommand(gateEvent, View(spec), command) is { } fault)
                await Situations.RaiseAsync(fault);
        }
    }

    private async Task AuditAsync(HistoryEntry entry)
    {
        state.State.Record(entry);
        await state.WriteStateAsync();
    }

    public async Task HandleStatusAsync(GateStatus status)
    {
        if (state.State.Spec is not { } spec)
            return;
        if (status.At is { } at)
            live = live with { ClockOffset = time.GetUtcNow() - at };
        if (status.Online)
            await SeenAsync(spec);
        else
            await WentOfflineAsync(spec, "the gate's connection was lost (last will)");
    }

    public Task SiteChangedAsync(SiteConfig config)
    {
        site = config;
        return Task.CompletedTask;
    }

    public Task WakeAsync() => Task.CompletedTask;

    /// <summary>A status or event arrived: the gate is online, and a gate-offline situation's condition ended.</summary>
    private async Task SeenAsync(GateSpec spec)
    {
        live = live with { LastSeen = time.GetUtcNow() };
        if (live.Online)
            return;
        live = live with { Online = true, OfflineReported = false };
        await Situations.ClearAsync(SituationKinds.GateOffline, SituationKinds.GateSubject(address.GateId), time.GetUtcNow(), "back online");
        Feed.PublishGateAsync(View(spec)).Ignore();
    }

    private async Task WentOfflineAsync(GateSpec spec, string why)
    {
        if (live.OfflineReported)
            return;
        live = live with { Online = false, OfflineReported = true };
        logger.LogWarning("Gate {Gate} is offline: {Why}", address, why);
        await Situations.RaiseAsync(GateSituations.Offline(View(spec), why, time.GetUtcNow()));
        Feed.PublishGateAsync(View(spec)).Ignore();
    }

    private void ArmHealthCheck()
    {
        if (state.State.Spec is not { } spec || healthCheck is not null)
            return;
        var period = TimeSpan.FromSeconds(Math.Max(1, spec.HeartbeatSeconds) / 2.0);
        healthCheck = this.RegisterGrainTimer(CheckHealthAsync, new GrainTimerCreationOptions
        {
            DueTime = period,
            Period = period,
            KeepAlive = true,
        });
    }

    private Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (state.State.Spec is not { } spec)
            return Task.CompletedTask;
        var silence = TimeSpan.FromSeconds(MissedHeartbeats * spec.HeartbeatSeconds);
        return time.GetUtcNow() - live.LastSeen > silence
            ? WentOfflineAsync(spec, $"no heartbeat or event for {silence.TotalSeconds:0} s")
            : Task.CompletedTask;
    }

    // The lists as arrays: Orleans has a codec for those ready, while for the compiler's own list types behind a
    // collection expression it searches anew at every serialisation.
    private GateCommand Command(GateEvent? gateEvent, Answer answer, GateSpec spec) => new()
    {
        CommandId = Guid.NewGuid().ToString("N"),
        InReplyTo = gateEvent?.EventId,
        Action = answer.Action,
        Reason = answer.Reason,
        OpenSeconds = answer.Action == GateActions.Open ? spec.OpenSeconds * answer.OpenFactor : null,
        Display = answer.Display.ToArray(),
        Voice = answer.Voice,
        Personal = answer.Personal.ToArray(),
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
        Online = live.Online,
        Door = live.Door,
        Barrier = live.Barrier,
        LastEventAt = live.LastEventAt,
    };
}
