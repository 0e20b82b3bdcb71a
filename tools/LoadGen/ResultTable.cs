using System.Globalization;
using static System.FormattableString;

namespace Ops.LoadGen;

/// <summary>The printed table of steps and the one-line summary scripts read.</summary>
public static class ResultTable
{
    public const string Header =
        " offered/s    sent/s  decided/s | decision ms: p50      p90      p99      max | push ms: p50      p99 | undecided | sustained | generator cpu | cpu us/event | watched cpu";

    public static string Row(StepResult step, bool pushMeasured)
    {
        var rates = Invariant($"{step.OfferedRate,10} {step.SentRate,9:0} {step.DecidedRate,10:0}");
        var decision = Invariant($"{Ms(step.Decision.P50),16} {Ms(step.Decision.P90),8} {Ms(step.Decision.P99),8} {Ms(step.Decision.Max),8}");
        var push = Invariant($"{(pushMeasured ? Ms(step.Push?.P50) : "n/a"),12} {(pushMeasured ? Ms(step.Push?.P99) : "n/a"),8}");
        var failures = step.PublishFailures > 0 ? Invariant($" ({step.PublishFailures} publishes failed)") : "";
        var perEvent = step.CpuPerEventUs is { } us ? Invariant($"{us:0}") : "n/a";
        var watched = string.Join(' ', step.Watched ?? []);
        return Invariant($"{rates} | {decision} | {push} | {step.Undecided,9} | {(step.Sustained ? "yes" : "no"),9} | {step.GeneratorCpu,12:0}% | {perEvent,12} | {watched}{failures}");
    }

    /// <summary><c>SUMMARY sustained_eps=.. latency_step=.. decision_p50_ms=.. decision_p99_ms=.. push_p99_ms=.. undecided=..</c>:
    /// the highest sustained offered rate, latencies at the step at or below <paramref name="latencyAt"/>,
    /// undecided events summed over every step.</summary>
    public static string Summary(IReadOnlyList<StepResult> steps, int latencyAt, bool pushMeasured)
    {
        var at = StepVerdict.LatencyStep(steps, latencyAt);
        var step = at?.OfferedRate.ToString(CultureInfo.InvariantCulture) ?? "n/a";
        var push = pushMeasured ? Ms(at?.Push?.P99) : "n/a";
        return Invariant($"SUMMARY sustained_eps={StepVerdict.SustainedRate(steps)} latency_step={step} ")
            + Invariant($"decision_p50_ms={Ms(at?.Decision.P50)} decision_p99_ms={Ms(at?.Decision.P99)} push_p99_ms={push} ")
            + Invariant($"undecided={steps.Sum(s => s.Undecided)}");
    }

    public static string Ms(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
}
