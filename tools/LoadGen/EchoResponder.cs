using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Ops.LoadGen;

/// <summary>The ceiling's stand-in for the hub: a plain subscriber to every gate's events that answers
/// each with an open command on that gate's commands topic, deciding nothing and storing nothing.
/// Several connections share one subscription so that answering is not one connection's loop.</summary>
public sealed class EchoResponder(LoadOptions options)
{
    public const string Subscription = "$share/echo/ops/v1/+/gates/+/events";

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var clients = new List<IMqttClient>();
        long answered = 0;
        try
        {
            for (var i = 0; i < options.Connections; i++)
            {
                var client = new MqttClientFactory().CreateMqttClient();
                clients.Add(client);
                var inFlight = new SemaphoreSlim(1);
                client.ApplicationMessageReceivedAsync += async args =>
                {
                    var topic = args.ApplicationMessage.Topic;
                    if (!topic.EndsWith("/events", StringComparison.Ordinal) || ReadEventId(args.ApplicationMessage) is not { } eventId)
                        return;
                    var command = new MqttApplicationMessageBuilder()
                        .WithTopic(string.Concat(topic.AsSpan(0, topic.Length - "events".Length), "commands"))
                        .WithPayload(Encoding.UTF8.GetBytes(
                            $$"""{"commandId":"c-{{eventId}}","inReplyTo":"{{eventId}}","action":"open","reason":"granted.resident"}"""))
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                        .Build();
                    // Not awaited one by one (that would cap answers at one per broker round trip), but bounded
                    // by the broker's receive maximum.
                    await inFlight.WaitAsync(stop);
                    _ = client.PublishAsync(command, stop).ContinueWith(_ => inFlight.Release(), TaskScheduler.Default);
                    Interlocked.Increment(ref answered);
                };
                var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
                    .WithTcpServer(options.MqttHost, options.MqttPort)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId($"loadgen-echo-{Environment.ProcessId}-{i}")
                    .WithCleanSession(true)
                    .WithoutPacketFragmentation()
                    .WithStreamProvider(new BufferedConnections(null))
                    .Build(), stop);
                int limit = result.ReceiveMaximum is { } maximum && maximum > 0 ? maximum : 65535;
                inFlight = new SemaphoreSlim(Math.Min(limit, 1000));
                await client.SubscribeAsync(Subscription, MqttQualityOfServiceLevel.AtLeastOnce, stop);
            }
            Console.WriteLine($"Echo: {clients.Count} connections on {options.MqttHost}:{options.MqttPort} answer {Subscription}");
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
        Console.WriteLine($"Echo: answered {Interlocked.Read(ref answered)} events");
        return 0;
    }

    private static string? ReadEventId(MqttApplicationMessage message)
    {
        var reader = new Utf8JsonReader(message.Payload);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("eventId"u8))
                return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
        return null;
    }
}
