using MQTTnet;
using MQTTnet.Protocol;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

[Collection(HubCollection.Name)]
public sealed class GateLoginTests(HubFixture fixture)
{
    [Fact]
    public async Task A_gate_with_a_wrong_password_is_refused_at_connect()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(
            GateClient.Options(fixture.Hub.Options.MqttPort, $"{HubFixture.SiteId}/{HubFixture.Door1}", "not-the-password"));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_gate_that_was_never_provisioned_is_refused_at_connect()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(
            GateClient.Options(fixture.Hub.Options.MqttPort, $"{HubFixture.SiteId}/no-such-gate", fixture.Door1Password));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Another_gates_password_does_not_open_a_gate_login()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(
            GateClient.Options(fixture.Hub.Options.MqttPort, $"{HubFixture.SiteId}/{HubFixture.Door1}", fixture.Door2Password));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_gate_may_not_publish_to_another_gates_events_topic()
    {
        await using var door1 = await fixture.Door1Async();
        await using var door2 = await fixture.Door2Async();

        var result = await door1.PublishRawAsync(door2.Topic("events"),
            System.Text.Encoding.UTF8.GetBytes($$"""{"eventId":"spoof-1","type":"card.swiped","at":"{{DateTimeOffset.UtcNow:O}}","card":"{{HubFixture.ActiveCard}}","direction":"in"}"""));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.True(await door2.NoCommandWithinAsync(TimeSpan.FromSeconds(1)), "the spoofed swipe must not be processed as door-2's");
        Assert.True(await door1.NoCommandWithinAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task A_gate_may_not_publish_to_its_own_commands_topic()
    {
        await using var door1 = await fixture.Door1Async();
        var result = await door1.PublishRawAsync(door1.Topic("commands"), """{"action":"open"}"""u8.ToArray());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.True(await door1.NoCommandWithinAsync(TimeSpan.FromMilliseconds(500)), "a gate must not be able to command itself");
    }

    [Fact]
    public async Task A_gate_may_not_subscribe_to_another_gates_commands()
    {
        await using var door1 = await fixture.Door1Async();
        var result = await door1.Mqtt.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"ops/v1/{HubFixture.SiteId}/gates/{HubFixture.Door2}/commands")
            .WithTopicFilter("ops/v1/#")
            .Build());
        Assert.All(result.Items, item => Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, item.ResultCode));
    }
}
