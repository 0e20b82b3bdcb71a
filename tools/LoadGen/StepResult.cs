namespace Ops.LoadGen;

/// <summary>What one step measured. <see cref="Push"/> is null where there is no live feed (ceiling mode).
/// <see cref="GeneratorCpu"/> is the generator's own CPU over the step in percent of one core, to tell a
/// saturated generator from a saturated hub.</summary>
public sealed record StepResult(
    int OfferedRate,
    double Seconds,
    long Sent,
    double SentRate,
    long Decided,
    double DecidedRate,
    long Undecided,
    long PublishFailures,
    LatencySummary Decision,
    LatencySummary? Push,
    double GeneratorCpu = 0)
{
    public bool Sustained => StepVerdict.IsSustained(this);
}
