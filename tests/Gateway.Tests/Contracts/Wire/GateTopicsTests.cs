using Ops.Contracts.Gates;
using Ops.Contracts.Wire;
using Xunit;

namespace Ops.Gateway.Tests.Contracts.Wire;

/// <summary>docs/gate-protocol.md topics: <c>ops/v1/{siteId}/gates/{gateId}/{channel}</c>.</summary>
public sealed class GateTopicsTests
{
    [Theory]
    [InlineData(GateTopics.Events, "ops/v1/maple-court/gates/North_1/events")]
    [InlineData(GateTopics.Status, "ops/v1/maple-court/gates/North_1/status")]
    [InlineData(GateTopics.Commands, "ops/v1/maple-court/gates/North_1/commands")]
    [InlineData(GateTopics.Rejects, "ops/v1/maple-court/gates/North_1/rejects")]
    public void A_topic_is_built_from_the_site_the_gate_and_the_channel(string channel, string expected)
    {
        Assert.Equal(expected, GateTopics.For(new GateAddress("maple-court", "North_1"), channel));
    }

    [Theory]
    [InlineData(GateTopics.Events)]
    [InlineData(GateTopics.Status)]
    [InlineData(GateTopics.Commands)]
    [InlineData(GateTopics.Rejects)]
    public void A_built_topic_parses_back_to_its_gate_and_channel(string channel)
    {
        var gate = new GateAddress("s1", "gate-7");

        Assert.True(GateTopics.TryParse(GateTopics.For(gate, channel), out var parsed, out var parsedChannel));
        Assert.Equal(gate, parsed);
        Assert.Equal(channel, parsedChannel);
    }

    [Fact]
    public void Parsing_a_topic_reads_the_site_and_gate_ids()
    {
        Assert.True(GateTopics.TryParse("ops/v1/0site/gates/G-2_b/status", out var gate, out var channel));
        Assert.Equal("0site", gate.SiteId);
        Assert.Equal("G-2_b", gate.GateId);
        Assert.Equal("status", channel);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ops/v1/site/gates/gate")]
    [InlineData("ops/v1/site/gates/gate/events/extra")]
    [InlineData("/ops/v1/site/gates/gate/events")]
    [InlineData("ops/v2/site/gates/gate/events")]
    [InlineData("OPS/v1/site/gates/gate/events")]
    [InlineData("ops/v1/site/gate/gate/events")]
    [InlineData("ops/v1/Site/gates/gate/events")]
    [InlineData("ops/v1/-site/gates/gate/events")]
    [InlineData("ops/v1//gates/gate/events")]
    [InlineData("ops/v1/site/gates//events")]
    [InlineData("ops/v1/site/gates/_gate/events")]
    [InlineData("ops/v1/site/gates/ga te/events")]
    [InlineData("ops/v1/site/gates/+/events")]
    [InlineData("ops/v1/site/gates/#")]
    [InlineData("ops/v1/a23456789012345678901234567890123/gates/gate/events")]
    [InlineData("ops/v1/site/gates/g23456789012345678901234567890123/events")]
    public void A_topic_outside_the_gate_scheme_does_not_parse(string topic)
    {
        Assert.False(GateTopics.TryParse(topic, out var gate, out var channel));
        Assert.Equal(default, gate);
        Assert.Equal("", channel);
    }

    [Fact]
    public void Ids_of_the_longest_allowed_length_parse()
    {
        var siteId = "a" + new string('b', 31);
        var gateId = "G" + new string('g', 31);

        Assert.True(GateTopics.TryParse($"ops/v1/{siteId}/gates/{gateId}/events", out var gate, out _));
        Assert.Equal(new GateAddress(siteId, gateId), gate);
    }
}
