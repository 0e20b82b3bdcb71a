using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Ops.LoadGen;

/// <summary>One gate on its own MQTT connection (MQTT 5, QoS 1). Publishing does not wait for the PUBACK
/// (the hub acknowledges only after processing, so waiting would cap a gate at one event per decision);
/// instead at most <see cref="InFlightLimit"/> events are unacknowledged at once, the smaller of the
/// broker's receive maximum and the generator's own cap.</summary>
public sealed class GateConnection : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly string eventsTopic;
    private SemaphoreSlim inFlight = new(1);
    private long publishFailures;

    public GateConnection(GateRef gate, Func<TimestampTable?> table)
    {
        Gate = gate;
        eventsTopic = gate.Topic("events");
        client.ApplicationMessageReceivedAsync += args =>
        {
            var received = Stopwatch.GetTimestamp();
            if (table() is { } current && TryReadInReplyTo(args.ApplicationMessage.Payload, out var step, out var sequence)
                && step == current.Step)
                current.RecordDecided(gate.Index, sequence, received);
            return Task.CompletedTask;
        };
    }

    public GateRef Gate { get; }

    /// <summary>The broker's receive maximum from CONNACK (65535 when it names none).</summary>
    public int ServerReceiveMaximum { get; private set; }

    public int InFlightLimit { get; private set; }

    public long PublishFailures => Interlocked.Read(ref publishFailures);

    public async Task ConnectAsync(string host, int port, string? password, IPAddress? source, int maxInFlight, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"loadgen-{Gate.SiteId}-{Gate.GateId}")
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(60))
            .WithoutPacketFragmentation()
            .WithStreamProvider(new BufferedConnections(source));
        if (password is not null)
            builder.WithCredentials(Gate.Key, password);
        var options = builder.Build();
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"gate {Gate.Key} could not connect: {result.ResultCode} {result.ReasonString}");
        ServerReceiveMaximum = result.ReceiveMaximum is { } maximum && maximum > 0 ? maximum : 65535;
        InFlightLimit = Math.Max(1, Math.Min(ServerReceiveMaximum, maxInFlight));
        inFlight = new SemaphoreSlim(InFlightLimit);
        await client.SubscribeAsync(Gate.Topic("commands"), MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
    }

    /// <summary>Waits for a free in-flight slot; completes synchronously when one is free.</summary>
    public ValueTask AcquireAsync(CancellationToken cancellationToken) =>
        inFlight.Wait(0, CancellationToken.None) ? ValueTask.CompletedTask : new ValueTask(inFlight.WaitAsync(cancellationToken));

    /// <summary>Publishes without waiting for the PUBACK; the slot taken by <see cref="AcquireAsync"/> is
    /// given back when it arrives.</summary>
    public void Publish(byte[] payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(eventsTopic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        _ = CompleteAsync(client.PublishAsync(message));
    }

    public static byte[] SwipePayload(string eventId, string card) =>
        Encoding.UTF8.GetBytes($$"""{"eventId":"{{eventId}}","type":"card.swiped","at":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffzzz}}","card":"{{card}}","direction":"in"}""");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync();
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The run is over; a connection that is already gone needs no goodbye.
        }
        client.Dispose();
    }

    internal static bool TryReadInReplyTo(ReadOnlySequence<byte> payload, out int step, out int sequence)
    {
        step = sequence = 0;
        var reader = new Utf8JsonReader(payload);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("inReplyTo"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    return false;
                return TimestampTable.TryParseEventId(reader.GetString(), out step, out sequence);
            }
        }
        return false;
    }

    private async Task CompleteAsync(Task<MqttClientPublishResult> publish)
    {
        try
        {
            var result = await publish.ConfigureAwait(false);
            if (!result.IsSuccess)
                Interlocked.Increment(ref publishFailures);
        }
        catch (Exception)
        {
            // Counted, not thrown: a lost connection shows as failures and undecided events in the step.
            Interlocked.Increment(ref publishFailures);
        }
        finally
        {
            inFlight.Release();
        }
    }
}
