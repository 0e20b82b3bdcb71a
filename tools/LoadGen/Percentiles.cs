namespace Ops.LoadGen;

/// <summary>Nearest-rank percentiles of latency samples (the smallest sample with at least q of all
/// samples at or below it), so p99 of 100 samples is the 99th smallest, never an interpolated value.</summary>
public static class Percentiles
{
    /// <param name="sorted">samples in ascending order</param>
    /// <returns>null when there are no samples</returns>
    public static double? At(IReadOnlyList<double> sorted, double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (sorted.Count == 0)
            return null;
        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
