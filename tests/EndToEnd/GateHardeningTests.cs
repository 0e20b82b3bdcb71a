using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Ops.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace Ops.EndToEnd;

/// <summary>What the hub does with gates, and things pretending to be gates, that misbehave: one test per
/// finding of the probe against the running hub.</summary>
[Collection(HubCollection.Name)]
public sealed class GateHardeningTests(HubFixture fixture, ITestOutputHelper output)
{
    // Other hosts, as the broker sees them: every 127.x.y.z reaches the loopback listener.
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Idler = IPAddress.Parse("127.0.0.3");

    private int Port => fixture.Hub.Options.MqttPort;

    private static string NewEventId() => $"ev-{Guid.NewGuid():N}";

    [Fact]
    public async Task Wrong_passwords_slow_down_their_source_and_never_keep_the_gate_off()
    {
        const string gateId = "slow-target";
        string password;
        using (var admin = fixture.Hub.Http(fixture.AdminToken))
            password = await new Provisioning(admin).GateAsync(HubFixture.SiteId, gateId);
        var username = $"{HubFixture.SiteId}/{gateId}";

        async Task<MqttClientConnectResultCode> GuessAsync(string guess)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            return (await client.ConnectAsync(GateClient.Options(Port, username, guess, source: Attacker))).ResultCode;
        }
        var answers = new List<MqttClientConnectResultCode>();
        for (var i = 0; i < 5; i++)
            answers.Add(await GuessAsync($"guess-{i}"));
        Assert.All(answers, answer => Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, answer));
        // The sixth is checked and fails; the source must wait from then on (twice as long after each further failure).
        Assert.True(await SlowedDownWithinAsync(GuessAsync, attempts: 4), "the source was not slowed down");

        // The gate, from its own address, logs in without waiting for the attacker and is served (its password was
        // never checked before, so the check in the cluster runs).
        var watch = Stopwatch.StartNew();
        await using (var gate = await GateClient.ConnectAsync(GateClient.Options(Port, username, password), HubFixture.SiteId, gateId, subscribe: true))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"the gate waited {watch.Elapsed} to log in");
            var eventId = NewEventId();
            await gate.SwipeAsync(eventId, HubFixture.ActiveCard);
            Assert.Equal(eventId, (await gate.NextCommandAsync()).GetProperty("inReplyTo").GetString());
        }

        // Even from the slowed-down source, the password the hub has just accepted is recognised without the check in the cluster.
        using var fromAttacker = new MqttClientFactory().CreateMqttClient();
        var again = await fromAttacker.ConnectAsync(GateClient.Options(Port, username, password, source: Attacker));
        Assert.Equal(MqttClientConnectResultCode.Success, again.ResultCode);
        await fromAttacker.DisconnectAsync();

        // And it goes on for the attacker only: further wrong passwords from there are refused unchecked.
        Assert.True(await SlowedDownWithinAsync(GuessAsync, attempts: 3), "the source was let off");
        await GatewayLogsAsync(line => line.Contains("that source sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Far_too_large_packets_close_the_connection_unread_and_the_gateway_memory_stays_bounded()
    {
        var gateway = fixture.Hub.ProcessNamed("gateway");
        var before = gateway.ResidentBytes();

        // The MQTT client with a 10 MB payload: the broker closes the connection instead of reading it.
        await using (var door = await GateClient.ConnectAsync(GateClient.Options(Port, $"{HubFixture.SiteId}/{HubFixture.Door2}", fixture.Door2Password),
            HubFixture.SiteId, HubFixture.Door2, subscribe: true))
        {
            var published = await Record.ExceptionAsync(() => door.PublishRawAsync(door.Topic("events"), new byte[10 * 1024 * 1024]).WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.True(published is MqttCommunicationException or OperationCanceledException or MqttClientNotConnectedException,
                $"the 10 MB publish was not refused by closing the connection: {published?.GetType().Name ?? "it succeeded"}");
            await WaitUntilAsync(() => !door.Mqtt.IsConnected, TimeSpan.FromSeconds(10), "the client to see its connection closed");
        }

        // Four logged-in connections announcing 64 MB each and sending as much as the socket takes.
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendHugePublishAsync(64 * 1024 * 1024)));
        Assert.All(sent, bytes => Assert.True(bytes < 64 * 1024 * 1024, $"the broker read all {bytes} bytes of a 64 MB packet"));

        // Before logging in, a CONNECT over 8 KiB is not read either.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, Port);
            try
            {
                await tcp.GetStream().WriteAsync((byte[])[0x10, .. RawMqtt.Length(10 * 1024 * 1024), .. new byte[64 * 1024]]);
            }
            catch (IOException)
            {
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.True(await IsClosedByPeerAsync(tcp, wait.Token), "a 10 MB CONNECT did not close the connection");
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = gateway.ResidentBytes();
        var growth = after - before;
        output.WriteLine($"gateway RSS {before / (1024 * 1024)} MB before, {after / (1024 * 1024)} MB after one 10 MB and four 64 MB packets; sent {string.Join(", ", sent.Select(b => $"{b / 1024} KiB"))}");
        Assert.True(growth < 100L * 1024 * 1024, $"the gateway grew by {growth / (1024 * 1024)} MB");
        await GatewayLogsAsync(line => line.Contains("is over the limit of", StringComparison.Ordinal));

        // Gates are still served.
        await using var gate = await fixture.Door1Async();
        var eventId = NewEventId();
        await gate.SwipeAsync(eventId, HubFixture.ActiveCard);
        Assert.Equal(eventId, (await gate.NextCommandAsync()).GetProperty("inReplyTo").GetString());
    }

    [Fact]
    public async Task Connections_that_never_send_connect_are_closed_after_the_connect_timeout()
    {
        var sockets = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 250; i++)
            {
                var tcp = new TcpClient(new IPEndPoint(Idler, 0));
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                sockets.Add(tcp);
            }

            // Meanwhile a gate from elsewhere connects and is served.
            await using (var door = await fixture.Door1Async())
            {
                var eventId = NewEventId();
                await door.SwipeAsync(eventId, HubFixture.ActiveCard);
                Assert.Equal(eventId, (await door.NextCommandAsync()).GetProperty("inReplyTo").GetString());
            }

            // The default connect timeout is 10 s; allow as much again for a busy machine.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(25));
            var closed = await Task.WhenAll(sockets.Select(tcp => IsClosedByPeerAsync(tcp, deadline.Token)));
            Assert.All(closed, Assert.True);
        }
        finally
        {
            sockets.ForEach(tcp => tcp.Dispose());
        }
    }

    [Fact]
    public async Task A_gate_may_hold_only_a_few_connections_and_more_are_refused_at_connect()
    {
        var username = $"{HubFixture.SiteId}/{HubFixture.Door2}";
        var clients = new List<IMqttClient>();
        var answers = new List<MqttClientConnectResultCode>();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                var client = new MqttClientFactory().CreateMqttClient();
                clients.Add(client);
                answers.Add((await client.ConnectAsync(GateClient.Options(Port, username, fixture.Door2Password))).ResultCode);
            }
            var accepted = answers.Count(answer => answer == MqttClientConnectResultCode.Success);
            Assert.InRange(accepted, 1, 4);
            Assert.All(answers.Where(answer => answer != MqttClientConnectResultCode.Success),
                answer => Assert.Equal(MqttClientConnectResultCode.QuotaExceeded, answer));

            // An MQTT 3.1.1 gate, which has no "quota exceeded", is told the server is unavailable.
            using (var tcp = new TcpClient())
            {
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                await tcp.GetStream().WriteAsync(RawMqtt.Connect($"v311-{Guid.NewGuid():N}", username, fixture.Door2Password));
                var connack = new byte[4];
                await tcp.GetStream().ReadExactlyAsync(connack);
                Assert.Equal(3, connack[3]);
            }

            // Reconnecting with a client id it holds takes its connection over and is not refused.
            var held = clients[answers.IndexOf(MqttClientConnectResultCode.Success)];
            using var takeover = new MqttClientFactory().CreateMqttClient();
            var result = await takeover.ConnectAsync(GateClient.Options(Port, username, fixture.Door2Password, held.Options.ClientId));
            Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
            await takeover.DisconnectAsync();
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client.IsConnected)
                    await client.DisconnectAsync();
                client.Dispose();
            }
        }

        // Once they are gone the gate connects again.
        await WaitUntilAsync(async () =>
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var answer = await client.ConnectAsync(GateClient.Options(Port, username, fixture.Door2Password));
            if (answer.ResultCode == MqttClientConnectResultCode.Success)
                await client.DisconnectAsync();
            return answer.ResultCode == MqttClientConnectResultCode.Success;
        }, TimeSpan.FromSeconds(10), "door-2 to connect again");
    }

    [Fact]
    public async Task A_last_will_for_another_gates_status_is_refused_at_connect()
    {
        var username = $"{HubFixture.SiteId}/{HubFixture.Door1}";
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"will-{Guid.NewGuid():N}")
            .WithCredentials(username, fixture.Door1Password)
            .WithWillTopic($"ops/v1/{HubFixture.SiteId}/gates/{HubFixture.Door2}/status")
            .WithWillPayload("""{"online":false}""")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(options);

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        Assert.False(client.IsConnected);
        await GatewayLogsAsync(line => line.Contains("its Last Will is for", StringComparison.Ordinal)
            && line.Contains($"/{HubFixture.Door2}/status", StringComparison.Ordinal));

        // A will on its own status is fine (AbruptGate logs in with one).
        using var own = await AbruptGate.ConnectAsync(Port, HubFixture.SiteId, HubFixture.Door1, fixture.Door1Password);
    }

    [Fact]
    public async Task An_event_with_a_repeated_key_is_invalid_json_and_changes_nothing()
    {
        await using var door = await fixture.Door2Async();
        var eventId = NewEventId();
        var payload = $$"""{"eventId":"{{eventId}}","type":"card.swiped","type":"tamper","at":"{{DateTimeOffset.UtcNow:O}}","card":"{{HubFixture.ActiveCard}}","direction":"in"}""";

        var published = await door.PublishRawAsync(door.Topic("events"), Encoding.UTF8.GetBytes(payload));

        Assert.True(published.IsSuccess, "a refused event is still acknowledged");
        Assert.Equal("invalid-json", (await door.NextRejectAsync()).GetProperty("reason").GetString());
        Assert.True(await door.NoCommandWithinAsync(TimeSpan.FromMilliseconds(300)));
        await door.SwipeAsync(eventId, HubFixture.ActiveCard);
        Assert.Equal(eventId, (await door.NextCommandAsync()).GetProperty("inReplyTo").GetString());
    }

    [Fact]
    public async Task A_gate_that_never_subscribes_gets_its_decisions_at_qos_1()
    {
        var options = GateClient.Options(Port, $"{HubFixture.SiteId}/{HubFixture.Door1}", fixture.Door1Password);
        await using var door = await GateClient.ConnectAsync(options, HubFixture.SiteId, HubFixture.Door1, subscribe: false);
        var eventId = NewEventId();

        await door.SwipeAsync(eventId, HubFixture.ActiveCard);
        await door.PublishRawAsync(door.Topic("events"), "{"u8.ToArray());

        Assert.Equal(eventId, (await door.NextCommandAsync()).GetProperty("inReplyTo").GetString());
        Assert.Equal("invalid-json", (await door.NextRejectAsync()).GetProperty("reason").GetString());
        Assert.All(door.DeliveryQoS, qos => Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, qos));
    }

    [Fact]
    public async Task After_a_crash_gates_that_publish_before_subscribing_get_every_decision_and_nothing_counts_twice()
    {
        const string siteId = "crash";
        const string card = "FFFF0042";
        const int buffered = 10;
        string[] gateIds = ["gate-1", "gate-2", "gate-3", "gate-4"];
        const string probeId = "probe";
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        var passwords = new Dictionary<string, string>();
        using (var admin = hub.Http(await hub.AdminTokenAsync()))
        {
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync(siteId);
            foreach (var gateId in gateIds.Append(probeId))
                passwords[gateId] = await provisioning.GateAsync(siteId, gateId);
        }
        MqttClientOptions Options(string gateId) =>
            GateClient.Options(hub.Options.MqttPort, $"{siteId}/{gateId}", passwords[gateId], clientId: $"{gateId}-device", cleanSession: false);
        static object Swipe(string eventId) => new { eventId, type = "card.swiped", at = DateTimeOffset.UtcNow, card, direction = "in" };

        // Before the crash each gate has one event decided; its PUBACK may or may not have reached the gate.
        var decidedBefore = new Dictionary<string, (object Swipe, string CommandId)>();
        var before = new List<GateClient>();
        foreach (var gateId in gateIds)
        {
            var gate = await GateClient.ConnectAsync(Options(gateId), siteId, gateId, subscribe: true);
            before.Add(gate);
            var swipe = Swipe($"{gateId}-before");
            await gate.PublishEventAsync(swipe);
            decidedBefore[gateId] = (swipe, (await gate.NextCommandAsync()).GetProperty("commandId").GetString()!);
        }

        await hub.CrashAndStartAsync();
        foreach (var gate in before)
            gate.Mqtt.Dispose();

        // The live feed is what shows whether an event was applied; the restarted dashboard relays it once it has
        // registered with the cluster, which a probe gate's events show.
        using var operatorHttp = hub.Http(await hub.AdminTokenAsync());
        async Task<List<string>> FeedAsync() =>
            [.. (await hub.GetJsonAsync(operatorHttp, $"api/sites/{siteId}/events?limit=200")).EnumerateArray().Select(e => e.GetProperty("eventId").GetString()!)];
        await using (var probe = await GateClient.ConnectAsync(Options(probeId), siteId, probeId, subscribe: true))
        {
            var probes = 0;
            await WaitUntilAsync(async () =>
            {
                await probe.PublishEventAsync(Swipe($"probe-{++probes}"));
                await probe.NextCommandAsync();
                await Task.Delay(500);
                return (await FeedAsync()).Contains($"probe-{probes}");
            }, TimeSpan.FromSeconds(30), "the restarted dashboard to relay the live feed");
        }

        // Back online, each gate flushes its buffer first (the event it is unsure of, then what it buffered) and subscribes last.
        await Task.WhenAll(gateIds.Select(async gateId =>
        {
            await using var gate = await GateClient.ConnectAsync(Options(gateId), siteId, gateId, subscribe: false);
            await gate.PublishEventAsync(decidedBefore[gateId].Swipe);
            for (var i = 0; i < buffered; i++)
                await gate.PublishEventAsync(Swipe($"{gateId}-after-{i}"));
            await gate.SubscribeAsync();

            var commands = new List<JsonElement>();
            for (var i = 0; i <= buffered; i++)
                commands.Add(await gate.NextCommandAsync(TimeSpan.FromSeconds(15)));
            var again = Assert.Single(commands, c => c.GetProperty("inReplyTo").GetString() == $"{gateId}-before");
            Assert.Equal(decidedBefore[gateId].CommandId, again.GetProperty("commandId").GetString());
            Assert.Equal(Enumerable.Range(0, buffered).Select(i => $"{gateId}-after-{i}").Order(),
                commands.Select(c => c.GetProperty("inReplyTo").GetString()!).Where(id => id.Contains("-after-")).Order());
            Assert.All(gate.DeliveryQoS, qos => Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, qos));
        }));

        // Nothing was applied twice: the redelivered events got their stored commands (above), and the live feed since
        // the restart shows each buffered event at most once and no redelivered one. The feed is best effort (an entry
        // can be dropped on a busy machine), so it is read once it has everything or has stopped growing.
        List<string> feed = [];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var lastCount = -1;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            feed = [.. (await FeedAsync()).Where(id => !id.StartsWith("probe-", StringComparison.Ordinal))];
            if (feed.Count == lastCount && feed.Count > 0)
                break;
            lastCount = feed.Count;
        }
        var expected = gateIds.SelectMany(gateId => Enumerable.Range(0, buffered).Select(i => $"{gateId}-after-{i}")).ToHashSet();
        output.WriteLine($"live feed after the restart: {feed.Count} of {expected.Count} buffered events");
        Assert.NotEmpty(feed);
        Assert.All(feed, id => Assert.Contains(id, expected));
        Assert.Equal(feed.Count, feed.Distinct().Count());
    }

    /// <summary>Logs in as door-2 over a bare socket, announces a PUBLISH of <paramref name="size"/> bytes and
    /// writes zeros until the broker stops taking them; returns how many bytes it managed to send.</summary>
    private async Task<long> SendHugePublishAsync(int size)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(RawMqtt.Connect($"huge-{Guid.NewGuid():N}", $"{HubFixture.SiteId}/{HubFixture.Door2}", fixture.Door2Password));
        var connack = new byte[4];
        await stream.ReadExactlyAsync(connack);
        Assert.Equal(0, connack[3]);

        var topic = Encoding.UTF8.GetBytes($"ops/v1/{HubFixture.SiteId}/gates/{HubFixture.Door2}/events");
        var header = new List<byte> { 0x32 };
        header.AddRange(RawMqtt.Length(2 + topic.Length + 2 + size));
        header.AddRange([(byte)(topic.Length >> 8), (byte)topic.Length, .. topic, 0, 1]);
        long sent = 0;
        var chunk = new byte[256 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await stream.WriteAsync(header.ToArray(), timeout.Token);
            while (sent < size)
            {
                await stream.WriteAsync(chunk, timeout.Token);
                sent += chunk.Length;
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
        }
        return sent;
    }

    /// <summary>Whether wrong passwords get ConnectionRateExceeded within a few attempts: an attempt that comes after
    /// the source's wait is checked (and fails, doubling the wait), so a slow machine may need one or two more.</summary>
    private static async Task<bool> SlowedDownWithinAsync(Func<string, Task<MqttClientConnectResultCode>> guess, int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var answer = await guess($"more-{i}");
            if (answer == MqttClientConnectResultCode.ConnectionRateExceeded)
                return true;
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, answer);
        }
        return false;
    }

    private static async Task<bool> IsClosedByPeerAsync(TcpClient tcp, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new byte[16];
            return await tcp.GetStream().ReadAsync(buffer, cancellationToken) == 0;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits for the gateway to print a line (its console output arrives a little after the fact).</summary>
    private Task GatewayLogsAsync(Func<string, bool> line) =>
        WaitUntilAsync(() => fixture.Hub.ProcessNamed("gateway").Output.Any(line), TimeSpan.FromSeconds(5), "the gateway's log line");

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        await WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Waited {timeout.TotalSeconds} s for {what}");
            await Task.Delay(100);
        }
    }
}
