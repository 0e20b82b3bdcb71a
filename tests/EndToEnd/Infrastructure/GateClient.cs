using System.Collections.Concurrent;
using System.Net;
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
    private readonly ConcurrentQueue<MqttQualityOfServiceLevel> deliveries = new();

    private GateClient(string siteId, string gateId)
    {
        SiteId = siteId;
        GateId = gateId;
        client.ApplicationMessageReceivedAsync += args =>
        {
            deliveries.Enqueue(args.ApplicationMessage.QualityOfServiceLevel);
            var json = JsonDocument.Parse(args.ApplicationMessage.Payload).RootElement.Clone();
            var target = args.ApplicationMessage.Topic.EndsWith("/rejects", StringComparison.Ordinal) ? rejects : commands;
            target.Writer.TryWrite(json);
            return Task.CompletedTask;
        };
    }

    public string SiteId { get; }

    public string GateId { get; }

    public string Topic(string channel) => $"ops/v1/{SiteId}/gates/{GateId}/{channel}";

    /// <summary>The QoS of every message the gate received, in order.</summary>
    public IReadOnlyCollection<MqttQualityOfServiceLevel> DeliveryQoS => deliveries;

    /// <param name="source">the local address to connect from (any of 127.0.0.0/8), to look like another remote host</param>
    public static MqttClientOptions Options(int port, string username, string password, string? clientId = null,
        bool cleanSession = true, IPAddress? source = null)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId ?? $"test-{Guid.NewGuid():N}")
            .WithCredentials(username, password)
            .WithCleanSession(cleanSession)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        if (source is not null)
            ((MqttClientTcpOptions)options.ChannelOptions).LocalEndpoint = new IPEndPoint(source, 0);
        return options;
    }

    /// <summary>Connects with the given options, and subscribes to the gate's commands and rejects only when asked:
    /// a gate that flushes its buffer first subscribes later, or relies on the hub's subscription.</summary>
    public static async Task<GateClient> ConnectAsync(MqttClientOptions options, string siteId, string gateId, bool subscribe)
    {
        var gate = new GateClient(siteId, gateId);
        var connected = await gate.client.ConnectAsync(options);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"Gate {siteId}/{gateId} could not connect: {connected.ResultCode}");
        if (subscribe)
            await gate.SubscribeAsync();
        return gate;
    }

    public Task SubscribeAsync() =>
        client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topic("commands"), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topic("rejects"), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    /// <summary>Connects as <c>{siteId}/{gateId}</c> and subscribes to the gate's own commands and rejects.</summary>
    public static Task<GateClient> ConnectAsync(int port, string siteId, string gateId, string password) =>
        ConnectAsync(Options(port, $"{siteId}/{gateId}", password), siteId, gateId, subscribe: true);

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
