using Ops.Contracts.Situations;
using Ops.Silo.Situations;

namespace Ops.Silo.Tests.Situations;

public sealed class ResponseStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static SituationRecord Record(int n, string kind, int? ackAfter, string? ackBy, int? resolveAfter, string? resolveBy, int raisedDay = 1) => new()
    {
        Id = $"s.{n}",
        Kind = kind,
        RaisedAt = T0.AddDays(raisedDay),
        AcknowledgedAt = ackAfter is { } a ? T0.AddDays(raisedDay).AddSeconds(a) : null,
        AcknowledgedBy = ackBy,
        ResolvedAt = resolveAfter is { } r ? T0.AddDays(raisedDay).AddSeconds(r) : null,
        ResolvedBy = resolveBy,
    };

    [Fact]
    public void Figures_per_user_count_what_each_person_acknowledged_and_resolved()
    {
        var records = new[]
        {
            Record(1, "door-forced", 10, "ann", 100, "ann"),
            Record(2, "door-forced", 20, "ann", 200, "bob"),
            Record(3, "tamper", 30, "ann", null, null),
            Record(4, "tamper", 40, "bob", 400, "bob"),
            Record(5, "tamper", null, null, null, null),
        };
        var stats = ResponseStatistics.Compute("s", records, T0, T0.AddDays(30));

        var ann = stats.ByUser.Single(f => f.Key == "ann");
        Assert.Equal((3, 3, 1), (ann.Count, ann.Acknowledged, ann.Resolved));
        Assert.Equal(20, ann.AcknowledgeMedianSeconds);
        Assert.Equal(28, ann.AcknowledgeP90Seconds);
        Assert.Equal(100, ann.ResolveMedianSeconds);
        var bob = stats.ByUser.Single(f => f.Key == "bob");
        Assert.Equal((2, 1, 2), (bob.Count, bob.Acknowledged, bob.Resolved));
        Assert.Equal(300, bob.ResolveMedianSeconds);
        Assert.Equal(["ann", "bob"], stats.ByUser.Select(f => f.Key));
    }

    [Fact]
    public void Figures_per_kind_cover_every_situation_of_that_kind()
    {
        var records = new[]
        {
            Record(1, "tamper", 30, "ann", null, null),
            Record(2, "tamper", 40, "bob", 400, "bob"),
            Record(3, "tamper", null, null, null, null),
        };
        var tamper = Assert.Single(ResponseStatistics.Compute("s", records, T0, T0.AddDays(30)).ByKind);
        Assert.Equal((3, 2, 1), (tamper.Count, tamper.Acknowledged, tamper.Resolved));
        Assert.Equal(35, tamper.AcknowledgeMedianSeconds);
        Assert.Equal(400, tamper.ResolveP90Seconds);
    }

    [Fact]
    public void Only_situations_raised_in_the_period_count()
    {
        var records = new[] { Record(1, "tamper", 10, "ann", 20, "ann", raisedDay: 1), Record(2, "tamper", 10, "ann", 20, "ann", raisedDay: 10) };
        var stats = ResponseStatistics.Compute("s", records, T0.AddDays(5), T0.AddDays(30));
        Assert.Equal(1, Assert.Single(stats.ByKind).Count);
    }

    [Fact]
    public void No_times_give_no_percentiles()
    {
        var stats = ResponseStatistics.Compute("s", [Record(1, "tamper", null, null, null, null)], T0, T0.AddDays(30));
        var tamper = Assert.Single(stats.ByKind);
        Assert.Null(tamper.AcknowledgeMedianSeconds);
        Assert.Null(tamper.ResolveP90Seconds);
        Assert.Empty(stats.ByUser);
    }

    [Theory]
    [InlineData(new double[] { 5 }, 0.5, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.9, 91)]
    public void Percentiles_interpolate_between_ranks(double[] sorted, double q, double expected) =>
        Assert.Equal(expected, ResponseStatistics.Percentile(sorted, q));
}
