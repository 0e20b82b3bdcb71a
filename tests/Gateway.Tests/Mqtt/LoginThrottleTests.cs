using System.Net;
using Microsoft.Extensions.Time.Testing;
using Ops.Gateway.Mqtt;

namespace Ops.Gateway.Tests.Mqtt;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Gate = IPAddress.Parse("198.51.100.20");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_source_gets_a_few_wrong_passwords_before_it_is_slowed_down()
    {
        var throttle = new LoginThrottle(time);
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            Assert.False(throttle.IsSlowedDown(Attacker, out _));
            throttle.Failed(Attacker);
        }
        Assert.False(throttle.IsSlowedDown(Attacker, out _));

        throttle.Failed(Attacker);

        Assert.True(throttle.IsSlowedDown(Attacker, out var wait));
        Assert.Equal(LoginThrottle.FirstDelay, wait);
    }

    [Fact]
    public void Only_the_source_is_slowed_down_never_another_one()
    {
        var throttle = new LoginThrottle(time);
        for (var i = 0; i < 20; i++)
            throttle.Failed(Attacker);

        Assert.True(throttle.IsSlowedDown(Attacker, out _));
        Assert.False(throttle.IsSlowedDown(Gate, out _));
        Assert.Equal(0, throttle.FailuresOf(Gate));
    }

    [Fact]
    public void Each_further_wrong_password_doubles_the_wait_up_to_the_maximum()
    {
        var throttle = new LoginThrottle(time);
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
            throttle.Failed(Attacker);

        var expected = LoginThrottle.FirstDelay;
        for (var i = 0; i < 10; i++)
        {
            throttle.Failed(Attacker);
            Assert.True(throttle.IsSlowedDown(Attacker, out var wait));
            Assert.Equal(expected, wait);
            time.Advance(wait);
            Assert.False(throttle.IsSlowedDown(Attacker, out _));
            expected = expected * 2 < LoginThrottle.MaxDelay ? expected * 2 : LoginThrottle.MaxDelay;
        }
        Assert.Equal(LoginThrottle.MaxDelay, expected);
    }

    [Fact]
    public void A_source_quiet_for_long_enough_starts_afresh()
    {
        var throttle = new LoginThrottle(time);
        for (var i = 0; i < LoginThrottle.FreeFailures + 3; i++)
            throttle.Failed(Attacker);

        time.Advance(LoginThrottle.ForgetAfter);

        Assert.False(throttle.IsSlowedDown(Attacker, out _));
        Assert.Equal(0, throttle.FailuresOf(Attacker));
        throttle.Failed(Attacker);
        Assert.False(throttle.IsSlowedDown(Attacker, out _));
        Assert.Equal(1, throttle.FailuresOf(Attacker));
    }

    [Fact]
    public void An_ipv4_address_mapped_to_ipv6_is_the_same_source()
    {
        var throttle = new LoginThrottle(time);
        for (var i = 0; i <= LoginThrottle.FreeFailures; i++)
            throttle.Failed(Attacker.MapToIPv6());

        Assert.True(throttle.IsSlowedDown(Attacker, out _));
    }

    [Fact]
    public async Task Slow_checks_from_one_source_take_turns_while_another_source_goes_ahead()
    {
        var throttle = new LoginThrottle(time);
        // Sources share one stripe in 64, chosen by a hash seeded per process: the other source is one that does not
        // share the attacker's in this run.
        var gate = Enumerable.Range(1, 254).Select(i => IPAddress.Parse($"198.51.100.{i}"))
            .First(address => LoginThrottle.StripeOf(address) != LoginThrottle.StripeOf(Attacker));
        var first = await throttle.TakeTurnAsync(Attacker, CancellationToken.None);

        var second = throttle.TakeTurnAsync(Attacker, CancellationToken.None);
        using var other = await throttle.TakeTurnAsync(gate, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Waiting_for_a_turn_can_be_given_up()
    {
        var throttle = new LoginThrottle(time);
        using var first = await throttle.TakeTurnAsync(Attacker, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => throttle.TakeTurnAsync(Attacker, cancel.Token));
    }
}
