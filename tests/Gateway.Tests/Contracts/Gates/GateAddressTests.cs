using Ops.Contracts.Gates;
using Xunit;

namespace Ops.Gateway.Tests.Contracts.Gates;

/// <summary>A gate's key and MQTT username: <c>{siteId}/{gateId}</c> (docs/api.md, docs/gate-protocol.md).</summary>
public sealed class GateAddressTests
{
    [Fact]
    public void A_key_parses_into_its_site_and_gate()
    {
        Assert.True(GateAddress.TryParse("maple-court/North_1", out var address));
        Assert.Equal("maple-court", address.SiteId);
        Assert.Equal("North_1", address.GateId);
    }

    [Fact]
    public void The_key_of_a_parsed_address_is_the_text_it_came_from()
    {
        Assert.True(GateAddress.TryParse("s1/gate-7", out var address));
        Assert.Equal("s1/gate-7", address.Key);
        Assert.Equal("s1/gate-7", address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("site")]
    [InlineData("/gate")]
    [InlineData("site/")]
    [InlineData("site/gate/extra")]
    [InlineData("site//gate")]
    [InlineData("Site/gate")]
    [InlineData("-site/gate")]
    [InlineData("si_te/gate")]
    [InlineData("site/-gate")]
    [InlineData("site/ga te")]
    [InlineData("site/gate.1")]
    [InlineData(" site/gate")]
    [InlineData("a23456789012345678901234567890123/gate")]
    [InlineData("site/g23456789012345678901234567890123")]
    public void A_key_that_is_not_a_site_id_slash_a_gate_id_does_not_parse(string? key)
    {
        Assert.False(GateAddress.TryParse(key, out var address));
        Assert.Equal(default, address);
    }

    [Theory]
    [InlineData("site/gate\n")]
    [InlineData("site\n/gate")]
    public void A_key_with_a_trailing_newline_in_an_id_does_not_parse(string key)
    {
        Assert.False(GateAddress.TryParse(key, out _));
    }
}
