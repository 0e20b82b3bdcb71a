using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>A real MQTT client acting as a gate: logs in with its credentials, listens on its
/// commands and rejects topics, publishes events at QoS 1.</summary>
public sealed class GateClient : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<JsonElement> commands = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> rejects = Channel.CreateUnbounded<JsonElement>();

    private GateClient(string siteId, string gateId)
    {
        SiteId = siteId;
        GateId = gateId;
        client.ApplicationMessageReceivedAsync += args =>
        {
            var json = JsonDocument.Parse(args.ApplicationMessage.Payload).RootElement.Clone();
            var target = args.ApplicationMessage.Topic.EndsWith("/rejects", StringComparison.Ordinal) ? rejects : commands;
            target.Writer.TryWrite(json);
            return Task.CompletedTask;
        };
    }

    public string SiteId { get; }

    public string GateId { get; }

    public string Topic(string channel) => $"ops/v1/{SiteId}/gates/{GateId}/{channel}";

    public static MqttClientOptions Options(int port, string username, string password, string? clientId = null) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId ?? $"test-{Guid.NewGuid():N}")
            .WithCredentials(username, password)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();

    /// <summary>Connects as <c>{siteId}/{gateId}</c> and subscribes to the gate's own commands and rejects.</summary>
    public static async Task<GateClient> ConnectAsync(int port, string siteId, string gateId, string password)
    {
        var gate = new GateClient(siteId, gateId);
        var connected = await gate.client.ConnectAsync(Options(port, $"{siteId}/{gateId}", password));
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"Gate {siteId}/{gateId} could not connect: {connected.ResultCode}");
        await gate.client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(gate.Topic("commands"), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(gate.Topic("rejects"), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        return gate;
    }

    public IMqttClient Mqtt => client;

    public Task<MqttClientPublishResult> PublishRawAsync(string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    public Task<MqttClientPublishResult> PublishEventAsync(object gateEvent) =>
        PublishRawAsync(Topic("events"), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(gateEvent, JsonSerializerOptions.Web)));

    public Task<MqttClientPublishResult> SwipeAsync(string eventId, string card, string direction = "in") =>
        PublishEventAsync(new { eventId, type = "card.swiped", at = DateTimeOffset.UtcNow, card, direction });

    public Task<JsonElement> NextCommandAsync(TimeSpan? timeout = null) => NextAsync(commands, timeout);

    public Task<JsonElement> NextRejectAsync(TimeSpan? timeout = null) => NextAsync(rejects, timeout);

    /// <summary>True when nothing arrives on the commands topic within the wait.</summary>
    public async Task<bool> NoCommandWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await commands.Reader.WaitToReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private static async Task<JsonElement> NextAsync(Channel<JsonElement> channel, TimeSpan? timeout)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
            await client.DisconnectAsync();
        client.Dispose();
    }
}
