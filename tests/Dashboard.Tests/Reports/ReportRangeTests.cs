using Ops.Dashboard.Problems;
using Ops.Dashboard.Reports;

namespace Ops.Dashboard.Tests.Reports;

public sealed class ReportRangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly ReportRange Week = new(7, 31);

    [Fact]
    public void Without_dates_a_report_covers_its_default_days_up_to_today()
    {
        var errors = new FieldErrors();
        Assert.Equal((new DateOnly(2026, 11, 21), Today), Week.Read(null, " ", Today, errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void With_only_an_end_the_default_days_end_there()
    {
        Assert.Equal((new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 1)), Week.Read(null, "2026-11-01", Today, new FieldErrors()));
    }

    [Fact]
    public void A_period_of_the_longest_length_is_taken_and_one_day_more_is_refused()
    {
        Assert.Equal((new DateOnly(2026, 10, 28), Today), Week.Read("2026-10-28", null, Today, new FieldErrors()));
        var errors = new FieldErrors();
        Assert.Null(Week.Read("2026-10-27", null, Today, errors));
        Assert.Equal(["from"], errors.Fields);
    }

    [Theory]
    [InlineData("2026-11-28", "2026-11-27", "from")]
    [InlineData("27/11/2026", null, "from")]
    [InlineData(null, "yesterday", "to")]
    [InlineData("2026-02-30", null, "from")]
    public void A_bad_period_names_its_field(string? from, string? to, string field)
    {
        var errors = new FieldErrors();
        Assert.Null(Week.Read(from, to, Today, errors));
        Assert.Equal([field], errors.Fields);
    }
}
