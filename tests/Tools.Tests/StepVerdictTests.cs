using Ops.LoadGen;

namespace Ops.Tools.Tests;

public sealed class StepVerdictTests
{
    private static readonly LatencySummary Latency = new(1, 1, 1, 1, 1);

    private static StepResult Step(int offered, long? sent = null, long? decided = null, double? decidedRate = null,
        long undecided = 0, long failures = 0) =>
        new(offered, 10, sent ?? offered * 10L, offered, decided ?? (sent ?? offered * 10L) - undecided,
            decidedRate ?? offered, undecided, failures, Latency, null);

    [Fact]
    public void Every_event_decided_at_the_offered_rate_is_sustained() => Assert.True(Step(1000).Sustained);

    [Fact]
    public void One_undecided_event_is_not_sustained() => Assert.False(Step(1000, undecided: 1).Sustained);

    [Fact]
    public void A_failed_publish_is_not_sustained() => Assert.False(Step(1000, failures: 1).Sustained);

    [Theory]
    [InlineData(950, true)]
    [InlineData(949, false)]
    public void The_decided_rate_must_reach_95_percent_of_the_offered(double decidedRate, bool sustained) =>
        Assert.Equal(sustained, Step(1000, decidedRate: decidedRate).Sustained);

    [Fact]
    public void A_generator_that_could_not_send_the_offered_load_is_not_sustained() =>
        Assert.False(Step(1000, sent: 9000, decidedRate: 1000).Sustained);

    [Fact]
    public void The_sustained_rate_is_the_highest_sustained_step()
    {
        StepResult[] steps = [Step(250), Step(500), Step(1000, undecided: 3)];

        Assert.Equal(500, StepVerdict.SustainedRate(steps));
        Assert.Equal(0, StepVerdict.SustainedRate([Step(250, undecided: 1)]));
        Assert.Equal(0, StepVerdict.SustainedRate([]));
    }

    [Fact]
    public void Latencies_come_from_the_step_at_the_rate_or_the_highest_below_it()
    {
        StepResult[] all = [Step(1000), Step(2000), Step(5000), Step(10000)];
        StepResult[] stoppedEarly = [Step(250), Step(500)];
        StepResult[] allAbove = [Step(10000), Step(20000)];

        Assert.Equal(5000, StepVerdict.LatencyStep(all, 5000)!.OfferedRate);
        Assert.Equal(500, StepVerdict.LatencyStep(stoppedEarly, 5000)!.OfferedRate);
        Assert.Equal(10000, StepVerdict.LatencyStep(allAbove, 5000)!.OfferedRate);
        Assert.Null(StepVerdict.LatencyStep([], 5000));
    }
}
