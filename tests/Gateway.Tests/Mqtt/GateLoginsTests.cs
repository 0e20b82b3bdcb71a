using Microsoft.Extensions.Time.Testing;
using Ops.Gateway.Mqtt;

namespace Ops.Gateway.Tests.Mqtt;

public sealed class GateLoginsTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_accepted_password_is_remembered_for_a_while_and_only_that_password()
    {
        var logins = new GateLogins(time);
        logins.Succeeded("site/gate", "secret");
        Assert.True(logins.IsKnownGood("site/gate", "secret"));
        Assert.False(logins.IsKnownGood("site/gate", "other"));
        Assert.False(logins.IsKnownGood("site/other", "secret"));
        time.Advance(GateLogins.Remember);
        Assert.False(logins.IsKnownGood("site/gate", "secret"));
    }

    [Fact]
    public void A_rotated_secret_is_forgotten_at_once()
    {
        var logins = new GateLogins(time);
        logins.Succeeded("site/gate", "secret");
        logins.Forget("site/gate");
        Assert.False(logins.IsKnownGood("site/gate", "secret"));
    }
}
