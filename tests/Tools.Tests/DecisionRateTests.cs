using Ops.LoadGen;

namespace Ops.Tools.Tests;

public sealed class DecisionRateTests
{
    private const long Frequency = 1_000_000;

    /// <summary>n arrivals, one every 1/rate seconds, starting at offset.</summary>
    private static long[] Arrivals(int n, double rate, long offset = 0) =>
        [.. Enumerable.Range(0, n).Select(i => offset + (long)(i * Frequency / rate))];

    [Fact]
    public void Decisions_that_keep_pace_arrive_at_the_offered_rate() =>
        Assert.Equal(1000, DecisionRate.Of(Arrivals(10_000, 1000), Frequency, 10), precision: 0);

    [Fact]
    public void A_constant_delay_does_not_lower_the_rate() =>
        Assert.Equal(1000, DecisionRate.Of(Arrivals(10_000, 1000, offset: 2 * Frequency), Frequency, 10), precision: 0);

    [Fact]
    public void One_straggler_does_not_count_as_lost_throughput()
    {
        var arrivals = Arrivals(10_000, 1000);
        arrivals[5000] += 3 * Frequency;

        Assert.Equal(1000, DecisionRate.Of(arrivals, Frequency, 10), precision: 0);
    }

    [Fact]
    public void A_hub_that_falls_behind_decides_at_its_own_pace() =>
        Assert.Equal(600, DecisionRate.Of(Arrivals(6_000, 600), Frequency, 10), precision: 0);

    [Fact]
    public void Arrivals_in_any_order_give_the_same_rate()
    {
        var arrivals = Arrivals(1_000, 500);
        Array.Reverse(arrivals);

        Assert.Equal(500, DecisionRate.Of(arrivals, Frequency, 2), precision: 0);
    }

    [Fact]
    public void Too_few_arrivals_count_over_the_step() =>
        Assert.Equal(0.1, DecisionRate.Of([42], Frequency, 10));
}
