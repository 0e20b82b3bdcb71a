namespace Ops.LoadGen;

/// <summary>What one step measured. <see cref="Push"/> is null where there is no live feed (ceiling mode).
/// <see cref="GeneratorCpu"/> is the generator's own CPU over the step in percent of one core, to tell a
/// saturated generator from a saturated hub; <see cref="Watched"/> the same for each process given to <c>--watch</c>.
/// <see cref="CpuPerEventUs"/> is the CPU time of the generator and every watched process over the step divided by
/// the events it decided: what one event cost the machine, in microseconds.</summary>
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
    double GeneratorCpu = 0,
    IReadOnlyList<ProcessCpu>? Watched = null,
    double? CpuPerEventUs = null)
{
    public bool Sustained => StepVerdict.IsSustained(this);
}
