namespace Ops.LoadGen;

/// <summary>Whether a step was sustained, and the figures a run is summed up by.</summary>
public static class StepVerdict
{
    /// <summary>Share of the offered rate that must be decided for a step to count as sustained.</summary>
    public const double RateShare = 0.95;

    /// <summary>Sustained: every event offered was sent and decided within the timeout, and the decided
    /// rate reached 95% of the offered rate.</summary>
    public static bool IsSustained(StepResult step) =>
        step.Sent > 0
        && step.Undecided == 0
        && step.PublishFailures == 0
        && step.Decided == step.Sent
        && step.Sent >= Math.Floor(step.OfferedRate * step.Seconds * RateShare)
        && step.DecidedRate >= RateShare * step.OfferedRate;

    /// <summary>The highest offered rate of a sustained step, 0 when none was.</summary>
    public static int SustainedRate(IEnumerable<StepResult> steps) =>
        steps.Where(IsSustained).Select(step => step.OfferedRate).DefaultIfEmpty(0).Max();

    /// <summary>The step whose latencies are reported: the one at <paramref name="rate"/>, else the highest
    /// that ran below it, else (when every step was above it) the lowest that ran.</summary>
    public static StepResult? LatencyStep(IReadOnlyList<StepResult> steps, int rate) =>
        steps.Where(step => step.OfferedRate <= rate).MaxBy(step => step.OfferedRate)
        ?? steps.MinBy(step => step.OfferedRate);
}
