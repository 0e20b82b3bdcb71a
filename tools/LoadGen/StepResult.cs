namespace Ops.LoadGen;

/// <summary>What one step measured. <see cref="Push"/> is null where there is no live feed (ceiling mode).</summary>
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
    LatencySummary? Push)
{
    public bool Sustained => StepVerdict.IsSustained(this);
}
