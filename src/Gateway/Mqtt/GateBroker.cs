using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Ops.Contracts.Gates;
using Ops.Contracts.Wire;

namespace Ops.Gateway.Mqtt;

/// <summary>The embedded MQTT broker: authenticates gates, enforces the per-topic ACL of CONTRACT §3,
/// and acknowledges an event only once <see cref="GateMessageHandler"/> has processed it.</summary>
public sealed class GateBroker(
    BrokerSettings settings, GateMessageHandler handler, IClusterClient cluster, GateLogins logins,
    IHostApplicationLifetime lifetime, ILogger<GateBroker> logger)
    : IHostedService, IDisposable
{
    private const string GateItem = "ops.gate";
    private const string HubClientId = "ops-hub";

    // clientId -> gate: one gate must not take over another gate's MQTT session by reusing its client id.
    private readonly ConcurrentDictionary<string, GateAddress> clientOwners = new(StringComparer.Ordinal);
    private MqttServer? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(settings.Address)
            .WithDefaultEndpointPort(settings.Port)
            .Build();
        server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
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
        if (!GateAddress.TryParse(args.UserName, out var gate) || string.IsNullOrEmpty(args.Password))
        {
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }
        if (logins.IsLockedOut(gate.Key))
        {
            logger.LogWarning("Gate {Gate} was refused: too many wrong passwords, wait {Window}", gate, GateLogins.FailureWindow);
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }
        bool verified;
        try
        {
            verified = logins.IsKnownGood(gate.Key, args.Password)
                || await cluster.GetGrain<IGateGrain>(gate.Key).VerifySecretAsync(args.Password);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not check the credentials of gate {Gate}", gate);
            args.ReasonCode = MqttConnectReasonCode.ServerUnavailable;
            return;
        }
        if (!verified)
        {
            logins.Failed(gate.Key);
            logger.LogWarning("Gate {Gate} was refused: wrong password or unknown gate", gate);
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }
        if (args.ClientId == HubClientId || clientOwners.GetOrAdd(args.ClientId, gate) != gate)
        {
            args.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return;
        }
        logins.Succeeded(gate.Key, args.Password);
        args.SessionItems[GateItem] = gate;
    }

    private Task OnDisconnectedAsync(ClientDisconnectedEventArgs args)
    {
        // On a takeover the same client id is connected again: it stays owned.
        if (args.DisconnectType != MqttClientDisconnectType.Takeover && args.SessionItems?[GateItem] is GateAddress gate)
            clientOwners.TryRemove(new KeyValuePair<string, GateAddress>(args.ClientId, gate));
        return Task.CompletedTask;
    }

    private Task AuthoriseSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        var topic = args.TopicFilter.Topic;
        var allowed = args.SessionItems?[GateItem] is GateAddress gate
            && (topic == GateTopics.For(gate, GateTopics.Commands) || topic == GateTopics.For(gate, GateTopics.Rejects));
        if (!allowed)
        {
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
            logger.LogWarning("Gate {Gate} may not publish to {Topic}", gate, topic);
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }

        try
        {
            var reply = await handler.HandleAsync(gate, channel, args.ApplicationMessage.Payload.ToArray());
            if (reply is not null)
                await PublishAsync(reply);
        }
        catch (Exception exception)
        {
            // Not processed: close without acknowledging, so the gate delivers the message again.
            // While the gateway (or the silo with it) shuts down this is expected, not an error worth a stack trace.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
                logger.LogWarning("A message from gate {Gate} arrived while the gateway is stopping; it was not acknowledged and will be redelivered ({Error})", gate, exception.GetType().Name);
            else
                logger.LogError(exception, "Could not process a message from gate {Gate}; it will be redelivered", gate);
            args.CloseConnection = true;
        }
    }

    /// <summary>Ends every connection of a gate (its secret changed).</summary>
    public async Task DisconnectGateAsync(GateAddress gate)
    {
        logins.Forget(gate.Key);
        foreach (var clientId in clientOwners.Where(pair => pair.Value == gate).Select(pair => pair.Key).ToList())
        {
            logger.LogInformation("Disconnecting gate {Gate}: its secret was rotated", gate);
            await server!.DisconnectClientAsync(clientId, MqttDisconnectReasonCode.NotAuthorized);
        }
    }

    /// <summary>Publishes a message of the hub to a gate (QoS 1).</summary>
    public Task PublishAsync(Reply reply)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(reply.Topic)
            .WithPayload(reply.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        return server!.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = HubClientId });
    }
}
