using System.Buffers;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Ops.Contracts.Gates;
using Ops.Contracts.Wire;
using Ops.Observability;

namespace Ops.Gateway.Mqtt;

/// <summary>The embedded MQTT broker: authenticates gates, enforces the per-topic ACL of the gate contract,
/// subscribes each gate's session to its own commands and rejects from CONNECT on, and acknowledges an
/// event only once <see cref="GateMessageHandler"/> has processed it.</summary>
public sealed class GateBroker(
    BrokerSettings settings, GateListener listener, GateMessageHandler handler, IClusterClient cluster, GateLogins logins,
    LoginThrottle throttle, GatewayMetrics metrics, IHostApplicationLifetime lifetime, ILogger<GateBroker> logger)
    : IHostedService, IDisposable
{
    private const string GateItem = "ops.gate";
    private const string HubClientId = "ops-hub";

    // How long a login may wait for its turn at the password check before it is told the broker is busy.
    private static readonly TimeSpan CheckWait = TimeSpan.FromSeconds(20);

    // clientId -> gate: one gate must not take over another gate's MQTT session by reusing its client id;
    // per gate, the client ids it holds connected (replaced, never changed, so a reader may keep one).
    private readonly Lock ownersLock = new();
    private readonly Dictionary<string, GateAddress> clientOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<GateAddress, string[]> clientsOfGate = [];
    private MqttServer? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultCommunicationTimeout(settings.ConnectTimeout)
            // Room for a reconnect storm after a restart; MQTTnet's default of 10 drops SYNs beyond it.
            .WithConnectionBacklog(512)
            // Each packet goes out in one socket write, not its header and its payload in two: a send call less
            // per command, and the packet reaches the gate in one piece (MQTTnet notes that some clients fail on
            // packets split across frames).
            .WithoutPacketFragmentation()
            .Build();
        server = new MqttServerFactory().CreateMqttServer(options, [listener]);
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.ClientConnectedAsync += OnConnectedAsync;
        server.InterceptingSubscriptionAsync += AuthoriseSubscriptionAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.ClientDisconnectedAsync += OnDisconnectedAsync;
        await server.StartAsync();
        logger.LogInformation("MQTT broker listening on {Address}:{Port}", settings.Address, settings.Port);
    }

    /// <summary>Closes the broker. The host stops services in reverse order of registration, so this runs
    /// while the Orleans client (registered first) is still connected: gates are gone before it is.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
            await server.StopAsync();
    }

    public void Dispose() => server?.Dispose();

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        var source = args.ChannelAdapter is GateChannel channel ? channel.Source : (args.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (!GateAddress.TryParse(args.UserName, out var gate) || string.IsNullOrEmpty(args.Password))
        {
            Refuse(args, MqttConnectReasonCode.BadUserNameOrPassword,
                "A login from {Source} was refused: {Username} is not a gate's username, or no password was given", source, Shorten(args.UserName));
            return;
        }
        if (string.IsNullOrEmpty(args.ClientId) || args.ClientId == HubClientId)
        {
            Refuse(args, MqttConnectReasonCode.ClientIdentifierNotValid,
                "Gate {Gate} from {Source} was refused: client id '{ClientId}' is not allowed", gate, source, Shorten(args.ClientId));
            return;
        }
        // The Last Will is checked before the password: it costs nothing, and the rule depends on the username alone.
        var ownStatus = GateTopics.For(gate, GateTopics.Status);
        if ((args.ChannelAdapter as GateChannel)?.Connect is not { } connect)
        {
            Refuse(args, MqttConnectReasonCode.ImplementationSpecificError,
                "Gate {Gate} from {Source} was refused: its CONNECT could not be inspected", gate, source);
            return;
        }
        if (connect.WillFlag && connect.WillTopic != ownStatus)
        {
            Refuse(args, MqttConnectReasonCode.NotAuthorized,
                "Gate {Gate} from {Source} was refused: its Last Will is for {WillTopic}; only {OwnStatus} is allowed", gate, source, Shorten(connect.WillTopic), ownStatus);
            return;
        }

        if (!logins.IsKnownGood(gate.Key, args.Password) && !await CheckInClusterAsync(args, gate, source))
            return;

        lock (ownersLock)
        {
            if (clientOwners.TryGetValue(args.ClientId, out var owner))
            {
                // The same client id again is a reconnect that takes over its own session: no extra connection.
                if (owner != gate)
                {
                    Refuse(args, MqttConnectReasonCode.ClientIdentifierNotValid,
                        "Gate {Gate} from {Source} was refused: client id '{ClientId}' belongs to another gate", gate, source, Shorten(args.ClientId));
                    return;
                }
            }
            else if (ClientsOf(gate).Length >= settings.MaxConnectionsPerGate)
            {
                Refuse(args, MqttConnectReasonCode.QuotaExceeded,
                    "Gate {Gate} from {Source} was refused: it already holds {Limit} connections", gate, source, settings.MaxConnectionsPerGate);
                return;
            }
            else
            {
                clientOwners[args.ClientId] = gate;
                clientsOfGate[gate] = [.. ClientsOf(gate), args.ClientId];
            }
        }
        logins.Succeeded(gate.Key, args.Password);
        args.SessionItems[GateItem] = gate;
    }

    /// <summary>The check by the gate's grain (which alone holds the key of the secrets' hash), taken in turns and
    /// skipped for a source that is being slowed down for its wrong passwords. Sets the refusal itself when it
    /// answers false.</summary>
    private async Task<bool> CheckInClusterAsync(ValidatingConnectionEventArgs args, GateAddress gate, IPAddress source)
    {
        IDisposable turn;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(args.CancellationToken))
        {
            wait.CancelAfter(CheckWait);
            try
            {
                turn = await throttle.TakeTurnAsync(source, wait.Token);
            }
            catch (OperationCanceledException)
            {
                Refuse(args, MqttConnectReasonCode.ServerBusy,
                    "Gate {Gate} from {Source} was refused: too many logins are being checked; try again later", gate, source);
                return false;
            }
        }
        using (turn)
        {
            if (throttle.IsSlowedDown(source, out var retryAfter))
            {
                Refuse(args, MqttConnectReasonCode.ConnectionRateExceeded,
                    "Gate {Gate} from {Source} was refused unchecked: that source sent {Failures} wrong passwords; it may try again in {Seconds:0.#} s",
                    gate, source, throttle.FailuresOf(source), retryAfter.TotalSeconds);
                return false;
            }
            // A connection that waited for its turn may find the password proved meanwhile.
            if (logins.IsKnownGood(gate.Key, args.Password))
                return true;
            bool verified;
            try
            {
                verified = await cluster.GetGrain<IGateGrain>(gate.Key).VerifySecretAsync(args.Password);
            }
            catch (Exception exception)
            {
                Refuse(args, MqttConnectReasonCode.ServerUnavailable,
                    "Gate {Gate} from {Source} was refused: its credentials could not be checked ({Error})", gate, source, exception.GetType().Name);
                return false;
            }
            if (!verified)
            {
                throttle.Failed(source);
                Refuse(args, MqttConnectReasonCode.BadUserNameOrPassword,
                    "Gate {Gate} from {Source} was refused: wrong password or unknown gate", gate, source);
            }
            return verified;
        }
    }

    private void Refuse(ValidatingConnectionEventArgs args, MqttConnectReasonCode reason, string message, params object?[] values)
    {
        // MQTT 3.1.1 has six return codes; MQTTnet turns the reason codes it lacks into "unacceptable protocol
        // version", which would send a gate's engineer the wrong way. "Server unavailable" says try again later.
        args.ReasonCode = args.ProtocolVersion == MqttProtocolVersion.V500 || reason
            is MqttConnectReasonCode.BadUserNameOrPassword or MqttConnectReasonCode.NotAuthorized
            or MqttConnectReasonCode.ClientIdentifierNotValid or MqttConnectReasonCode.ServerBusy or MqttConnectReasonCode.ServerUnavailable
            ? reason
            : MqttConnectReasonCode.ServerUnavailable;
#pragma warning disable CA2254 // every message passed here is a constant template
        logger.LogWarning(message, values);
#pragma warning restore CA2254
    }

    /// <summary>Subscribes the gate's session to its own commands and rejects before anything it sends is read,
    /// so that a decision reaches a gate that publishes before it subscribes (a gate flushing its buffer
    /// after a reconnect, to a broker that restarted and forgot its subscriptions).</summary>
    private async Task OnConnectedAsync(ClientConnectedEventArgs args)
    {
        if (args.SessionItems[GateItem] is not GateAddress gate)
            return;
        lock (ownersLock)
        {
            // The connection this one took over may have gone meanwhile and released the client id.
            if (clientOwners.TryAdd(args.ClientId, gate))
                clientsOfGate[gate] = [.. ClientsOf(gate), args.ClientId];
        }
        try
        {
            await server!.SubscribeAsync(args.ClientId,
            [
                new MqttTopicFilterBuilder().WithTopic(GateTopics.For(gate, GateTopics.Commands)).WithAtLeastOnceQoS().Build(),
                new MqttTopicFilterBuilder().WithTopic(GateTopics.For(gate, GateTopics.Rejects)).WithAtLeastOnceQoS().Build(),
            ]);
        }
        catch (Exception exception)
        {
            // Without the subscription its decisions would go nowhere: better to make it connect again.
            logger.LogError(exception, "Could not subscribe gate {Gate} to its commands; closing its connection", gate);
            await server!.DisconnectClientAsync(args.ClientId, MqttDisconnectReasonCode.UnspecifiedError);
        }
    }

    private Task OnDisconnectedAsync(ClientDisconnectedEventArgs args)
    {
        // On a takeover the same client id is connected again: it stays owned.
        if (args.DisconnectType == MqttClientDisconnectType.Takeover || args.SessionItems?[GateItem] is not GateAddress gate)
            return Task.CompletedTask;
        lock (ownersLock)
        {
            if (clientOwners.TryGetValue(args.ClientId, out var owner) && owner == gate)
            {
                clientOwners.Remove(args.ClientId);
                string[] left = [.. ClientsOf(gate).Where(clientId => clientId != args.ClientId)];
                if (left.Length > 0)
                    clientsOfGate[gate] = left;
                else
                    clientsOfGate.Remove(gate);
            }
        }
        return Task.CompletedTask;
    }

    private Task AuthoriseSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        var topic = args.TopicFilter.Topic;
        var gate = args.SessionItems?[GateItem] as GateAddress?;
        var allowed = gate is { } own
            && (topic == GateTopics.For(own, GateTopics.Commands) || topic == GateTopics.For(own, GateTopics.Rejects));
        if (!allowed)
        {
            logger.LogWarning("Gate {Gate} may not subscribe to {Topic}", gate?.ToString() ?? args.ClientId, Shorten(topic));
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }
        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        // Messages the hub injects itself carry no gate session.
        if (args.SessionItems?[GateItem] is not GateAddress gate)
            return;

        // Gate messages are for the hub alone; no one else may read them off the broker.
        args.ProcessPublish = false;
        var topic = args.ApplicationMessage.Topic;
        if (!GateTopics.TryParse(topic, out var target, out var channel) || target != gate
            || channel is not (GateTopics.Events or GateTopics.Status))
        {
            logger.LogWarning("Gate {Gate} may not publish to {Topic}", gate, Shorten(topic));
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }

        var received = Stopwatch.GetTimestamp();
        // The root of the message's trace: grain calls and the dashboard's push follow from here.
        using var activity = OpsTelemetry.Source.StartActivity(channel == GateTopics.Events ? "gate event" : "gate status", ActivityKind.Consumer);
        activity?.SetTag("ops.site", gate.SiteId).SetTag("ops.gate", gate.GateId);
        try
        {
            var reply = await handler.HandleAsync(gate, channel, args.ApplicationMessage.Payload.ToArray());
            if (reply is not null)
                await PublishAsync(reply);
            if (reply?.Decision is { } decision)
                metrics.Decided(decision, Stopwatch.GetElapsedTime(received));
        }
        catch (Exception exception)
        {
            // Not processed: close without acknowledging, so the gate delivers the message again.
            // While the gateway (or the silo with it) shuts down this is expected, not an error worth a stack trace.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
                logger.LogWarning("A message from gate {Gate} arrived while the gateway is stopping; it was not acknowledged and will be redelivered ({Error})", gate, exception.GetType().Name);
            else
                logger.LogError(exception, "Could not process a message from gate {Gate}; it will be redelivered", gate);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            args.CloseConnection = true;
        }
    }

    /// <summary>Ends every connection of a gate (its secret changed).</summary>
    public async Task DisconnectGateAsync(GateAddress gate)
    {
        logins.Forget(gate.Key);
        List<string> clientIds;
        lock (ownersLock)
            clientIds = [.. clientOwners.Where(pair => pair.Value == gate).Select(pair => pair.Key)];
        foreach (var clientId in clientIds)
        {
            logger.LogInformation("Disconnecting gate {Gate}: its secret was rotated", gate);
            await server!.DisconnectClientAsync(clientId, MqttDisconnectReasonCode.NotAuthorized);
        }
    }

    private string[] ClientsOf(GateAddress gate) => clientsOfGate.GetValueOrDefault(gate) ?? [];

    /// <summary>Publishes a message of the hub to a gate (QoS 1). It goes straight into the queue of each session
    /// the gate holds connected: matching it against every session's subscriptions, as a publish would be,
    /// costs more the more gates are connected. A gate with no session here (it went away meanwhile, or its
    /// session outlived its connection) gets it the usual way, through its subscription.</summary>
    public async Task PublishAsync(Reply reply)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(reply.Topic)
            .WithPayload(reply.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        string[] clientIds;
        lock (ownersLock)
            clientIds = ClientsOf(reply.Gate);
        var delivered = false;
        foreach (var clientId in clientIds)
            delivered |= await TryDeliverAsync(clientId, message);
        if (!delivered)
            await server!.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = HubClientId });
    }

    private async Task<bool> TryDeliverAsync(string clientId, MqttApplicationMessage message)
    {
        MqttSessionStatus session;
        try
        {
            session = await server!.GetSessionAsync(clientId);
        }
        catch (InvalidOperationException)
        {
            // Its login was accepted but its session is not there (yet, or any more).
            return false;
        }
        return session.TryEnqueueApplicationMessage(message, out _);
    }

    /// <summary>Text a client chose, fit for one log line: at most 80 characters, control characters replaced.</summary>
    private static string Shorten(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var shown = text.Length <= 80 ? text : text[..80] + "...";
        return string.Create(shown.Length, shown, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
        });
    }
}
