namespace Ops.LoadGen;

/// <summary>Latency figures of one step in milliseconds; null when nothing was measured.</summary>
public sealed record LatencySummary(int Count, double? P50, double? P90, double? P99, double? Max)
{
    public static LatencySummary Of(List<double> samples)
    {
        samples.Sort();
        return new LatencySummary(samples.Count, Percentiles.At(samples, 0.50), Percentiles.At(samples, 0.90),
            Percentiles.At(samples, 0.99), samples.Count == 0 ? null : samples[^1]);
    }
}
