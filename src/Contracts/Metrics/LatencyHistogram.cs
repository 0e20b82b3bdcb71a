namespace Ops.Contracts.Metrics;

/// <summary>A histogram with fixed bucket bounds (<see cref="Bounds"/>, in seconds; the last bucket has no upper
/// bound), keeping per bucket the count and the sum of its values, so that it can be merged and replayed exactly.</summary>
[GenerateSerializer, Immutable, Alias("ops.latency-histogram")]
public sealed record LatencyHistogram([property: Id(0)] IReadOnlyList<long> Counts, [property: Id(1)] IReadOnlyList<double> Sums)
{
    public static readonly IReadOnlyList<double> Bounds =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly LatencyHistogram Empty = new(new long[Bounds.Count + 1], new double[Bounds.Count + 1]);

    public long Count => Counts.Sum();

    /// <summary>The bucket a value falls in: the first whose upper bound it does not exceed.</summary>
    public static int BucketOf(double seconds)
    {
        for (var i = 0; i < Bounds.Count; i++)
        {
            if (seconds <= Bounds[i])
                return i;
        }
        return Bounds.Count;
    }

    /// <summary>The histogram of these values, each seen the given number of times.</summary>
    public static LatencyHistogram Of(params (double Seconds, int Times)[] values)
    {
        var counts = new long[Bounds.Count + 1];
        var sums = new double[Bounds.Count + 1];
        foreach (var (seconds, times) in values)
        {
            counts[BucketOf(seconds)] += times;
            sums[BucketOf(seconds)] += seconds * times;
        }
        return new LatencyHistogram(counts, sums);
    }

    // Arrays, not collection expressions: the serializer must know the runtime type of what it stores.
    public LatencyHistogram Plus(LatencyHistogram other) => new(
        Counts.Zip(other.Counts, (a, b) => a + b).ToArray(),
        Sums.Zip(other.Sums, (a, b) => a + b).ToArray());
}
