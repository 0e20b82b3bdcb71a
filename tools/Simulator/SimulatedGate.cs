using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace Ops.Simulator;

/// <summary>One gate on MQTT as a vendor's firmware would be: its own login, its commands topic, QoS 1.</summary>
public sealed class SimulatedGate(SimulatorSettings settings, DemoGate gate) : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();

    public string Topic(string channel) => $"ops/v1/{gate.SiteId}/gates/{gate.GateId}/{channel}";

    public DemoGate Gate => gate;

    public event Action<JsonElement>? Command;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        client.ApplicationMessageReceivedAsync += args =>
        {
            using var document = JsonDocument.Parse(args.ApplicationMessage.Payload);
            Command?.Invoke(document.RootElement.Clone());
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.MqttHost, settings.MqttPort)
            .WithClientId($"sim-{gate.GateId}-{Environment.ProcessId}")
            .WithCredentials(gate.Username, gate.Password)
            .WithWillTopic(Topic("status"))
            .WithWillPayload("{\"online\":false}")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await client.ConnectAsync(options, cancellationToken);
        await client.SubscribeAsync(Topic("commands"), MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
    }

    public bool IsConnected => client.IsConnected;

    public Task PublishAsync(string channel, object payload, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topic(channel))
            .WithPayload(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload, JsonSerializerOptions.Web)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
            await client.DisconnectAsync();
        client.Dispose();
    }
}
