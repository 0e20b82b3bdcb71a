using Ops.Contracts.Metrics;
using Ops.Silo.Metrics;
using Xunit;

namespace Ops.Silo.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.001, 0)]
    [InlineData(0.0011, 1)]
    [InlineData(0.003, 2)]
    [InlineData(1.0, 9)]
    [InlineData(10.0, 12)]
    [InlineData(10.5, 13)]
    public void A_value_falls_in_the_first_bucket_whose_bound_it_does_not_exceed(double seconds, int bucket) =>
        Assert.Equal(bucket, LatencyHistogram.BucketOf(seconds));

    [Fact]
    public void Counts_add_series_by_series_and_bucket_by_bucket()
    {
        var first = new HubCounts
        {
            Events = new Dictionary<string, long> { ["card.swiped"] = 2 },
            Decisions = new Dictionary<string, long> { ["granted.resident"] = 2 },
            DecisionSeconds = LatencyHistogram.Of((0.002, 2)),
        };
        var second = new HubCounts
        {
            Events = new Dictionary<string, long> { ["card.swiped"] = 1, ["tamper"] = 1 },
            Rejects = new Dictionary<string, long> { ["invalid-json"] = 1 },
            SituationsRaised = new Dictionary<RaisedKind, long> { [new RaisedKind("tamper", "critical")] = 1 },
            DecisionSeconds = LatencyHistogram.Of((0.002, 1), (3.0, 1)),
        };

        var sum = CountsSum.Of(first, second);

        Assert.Equal(3, sum.Events["card.swiped"]);
        Assert.Equal(1, sum.Events["tamper"]);
        Assert.Equal(1, sum.Rejects["invalid-json"]);
        Assert.Equal(2, sum.Decisions["granted.resident"]);
        Assert.Equal(1, sum.SituationsRaised[new RaisedKind("tamper", "critical")]);
        Assert.Equal(3, sum.DecisionSeconds.Counts[LatencyHistogram.BucketOf(0.002)]);
        Assert.Equal(0.006, sum.DecisionSeconds.Sums[LatencyHistogram.BucketOf(0.002)], 9);
        Assert.Equal(1, sum.DecisionSeconds.Counts[LatencyHistogram.BucketOf(3.0)]);
        Assert.Equal(4, sum.DecisionSeconds.Count);
    }
}
