using Ops.LoadGen;

namespace Ops.Tools.Tests;

public sealed class PercentilesTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Theory]
    [InlineData(0.50, 50)]
    [InlineData(0.90, 90)]
    [InlineData(0.99, 99)]
    [InlineData(1.00, 100)]
    [InlineData(0.001, 1)]
    [InlineData(0.0, 1)]
    public void Nearest_rank_of_one_to_a_hundred(double q, double expected) =>
        Assert.Equal(expected, Percentiles.At(OneToHundred, q));

    [Fact]
    public void Never_interpolates_between_samples()
    {
        double[] samples = [1, 2, 3, 4];

        Assert.Equal(2, Percentiles.At(samples, 0.5));
        Assert.Equal(4, Percentiles.At(samples, 0.99));
    }

    [Fact]
    public void One_sample_is_every_percentile() => Assert.Equal(7, Percentiles.At([7.0], 0.99));

    [Fact]
    public void No_samples_have_no_percentile() => Assert.Null(Percentiles.At([], 0.5));

    [Fact]
    public void Summary_sorts_the_samples_first()
    {
        var summary = LatencySummary.Of([5, 1, 4, 2, 3]);

        Assert.Equal(new LatencySummary(5, 3, 5, 5, 5), summary);
    }
}
