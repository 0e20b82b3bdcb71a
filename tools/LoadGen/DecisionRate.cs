namespace Ops.LoadGen;

/// <summary>The rate at which decisions arrived in a step: decisions per second between the 1st and the
/// 99th percentile of their arrival times. A hub that keeps up decides at the offered rate however
/// long each decision takes; one that falls behind decides at its own pace, which stretches the span.
/// Trimming keeps one slow straggler from counting as lost throughput.</summary>
public static class DecisionRate
{
    /// <param name="arrivals">arrival timestamps, in any order (sorted in place)</param>
    /// <param name="frequency">timestamp ticks per second</param>
    /// <param name="stepSeconds">the step's length, used when there are too few arrivals to span</param>
    public static double Of(long[] arrivals, long frequency, double stepSeconds)
    {
        var n = arrivals.Length;
        if (n < 2)
            return n / stepSeconds;
        Array.Sort(arrivals);
        var trim = n / 100;
        var low = trim;
        var high = n - 1 - trim;
        var span = (arrivals[high] - arrivals[low]) / (double)frequency;
        // The span holds (high - low) intervals between arrivals; the step's n events take n such intervals.
        return span <= 0 ? n / stepSeconds : (high - low) / span;
    }
}
