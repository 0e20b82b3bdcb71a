using Ops.Contracts.Situations;
using Ops.Silo.Situations;

namespace Ops.Silo.Tests.Situations;

public sealed class FloodControlTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static List<DateTimeOffset> Raises(int count, TimeSpan ago) => [.. Enumerable.Repeat(Now - ago, count)];

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.Info)]
    public void After_ten_raises_in_ten_minutes_minor_and_info_ones_are_grouped(string severity)
    {
        Assert.False(FloodControl.Groups(Raises(9, TimeSpan.FromMinutes(1)), severity));
        Assert.True(FloodControl.Groups(Raises(10, TimeSpan.FromMinutes(1)), severity));
    }

    [Theory]
    [InlineData(Severity.Critical)]
    [InlineData(Severity.Major)]
    public void Critical_and_major_situations_are_never_grouped(string severity) =>
        Assert.False(FloodControl.Groups(Raises(100, TimeSpan.FromMinutes(1)), severity));

    [Fact]
    public void Raises_older_than_the_window_are_forgotten()
    {
        var raises = Raises(10, TimeSpan.FromMinutes(10));
        raises.AddRange(Raises(3, TimeSpan.FromMinutes(9)));
        FloodControl.Prune(raises, Now);
        Assert.Equal(3, raises.Count);
        Assert.False(FloodControl.Groups(raises, Severity.Minor));
    }
}
