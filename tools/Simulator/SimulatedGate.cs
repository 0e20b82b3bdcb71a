using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MQTTnet;
using MQTTnet.Protocol;

namespace Ops.Simulator;

/// <summary>One gate on MQTT as a vendor's firmware would be: its own login, a Last Will on its status topic,
/// its commands and rejects topics, QoS 1. Disposing it disconnects cleanly (a normal DISCONNECT), so the
/// broker drops the Last Will and the hub does not take a stopped simulator for gates gone offline.</summary>
public sealed class SimulatedGate(string mqttHost, int mqttPort, DemoGate gate) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly IMqttClient client = CreateClient();
    private bool handlerAdded;

    public string Topic(string channel) => $"ops/v1/{gate.SiteId}/gates/{gate.GateId}/{channel}";

    public DemoGate Gate => gate;

    /// <summary>A gate whose controller hangs: it sends neither heartbeats nor events.</summary>
    public bool Silent { get; set; }

    public DateTimeOffset LastHeartbeat { get; set; } = DateTimeOffset.MinValue;

    /// <summary>A message from the hub: the channel (<c>commands</c> or <c>rejects</c>) and its payload.</summary>
    public event Action<string, JsonElement>? Received;

    public bool IsConnected => client.IsConnected;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (!handlerAdded)
        {
            handlerAdded = true;
            client.ApplicationMessageReceivedAsync += args =>
            {
                var channel = args.ApplicationMessage.Topic[(args.ApplicationMessage.Topic.LastIndexOf('/') + 1)..];
                using var document = JsonDocument.Parse(args.ApplicationMessage.Payload);
                Received?.Invoke(channel, document.RootElement.Clone());
                return Task.CompletedTask;
            };
        }
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(mqttHost, mqttPort)
            .WithClientId($"sim-{gate.GateId}-{Environment.ProcessId}")
            .WithCredentials(gate.Username, gate.Password)
            .WithWillTopic(Topic("status"))
            .WithWillPayload("{\"online\":false}")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await client.ConnectAsync(options, cancellationToken);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topic("commands"), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topic("rejects"), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
    }

    public Task PublishAsync(string channel, object payload, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topic(channel))
            .WithPayload(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload, Json)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    public Task HeartbeatAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        LastHeartbeat = now;
        return PublishAsync("status", new { online = true, at = now, firmware = "sim-2.0" }, cancellationToken);
    }

    /// <summary>Leaves with a normal DISCONNECT, so the broker drops the Last Will; false when that could not be said.</summary>
    public async Task<bool> DisconnectAsync()
    {
        if (!client.IsConnected)
            return false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Gone already; nothing more can be said to the broker.
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        client.Dispose();
    }

    private static IMqttClient CreateClient() => new MqttClientFactory().CreateMqttClient();
}
