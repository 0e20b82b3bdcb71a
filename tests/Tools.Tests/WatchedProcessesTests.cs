using System.Diagnostics;
using Ops.LoadGen;

namespace Ops.Tools.Tests;

public sealed class WatchedProcessesTests
{
    [Fact]
    public void Name_and_pid_pairs_are_read_in_order()
    {
        var watched = WatchedProcesses.Parse("silo=101, gateway=202,dashboard=303");

        Assert.Equal([new("silo", 101), new("gateway", 202), new WatchedProcess("dashboard", 303)], watched);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("=101")]
    [InlineData("silo=")]
    [InlineData("silo=abc")]
    [InlineData("silo=-1")]
    public void A_pair_without_a_name_or_a_pid_is_refused(string text) =>
        Assert.Throws<ArgumentException>(() => WatchedProcesses.Parse(text));

    [Fact]
    public void A_running_process_reports_the_CPU_it_used_and_a_gone_one_none()
    {
        var watched = new WatchedProcesses([new("self", Environment.ProcessId), new("gone", int.MaxValue)]);
        var before = watched.Sample();
        var clock = Stopwatch.StartNew();
        using var self = Process.GetCurrentProcess();
        var start = self.TotalProcessorTime;
        while (self.TotalProcessorTime - start < TimeSpan.FromMilliseconds(150) && clock.Elapsed < TimeSpan.FromSeconds(10))
            self.Refresh();
        var cpu = watched.Between(before, watched.Sample(), clock.Elapsed);

        Assert.Equal("self", cpu[0].Name);
        Assert.True(cpu[0].Percent / 100 * clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"{cpu[0].Percent}% of {clock.Elapsed}");
        Assert.Equal(new ProcessCpu("gone", 0), cpu[1]);
    }

    [Fact]
    public void The_cost_of_an_event_sums_the_generator_and_every_watched_process()
    {
        // Over 10 s: the generator 1 s of CPU, the silo half a core (5 s), the gateway a quarter (2.5 s): 8.5 s for 1,000 events.
        var perEvent = WatchedProcesses.MicrosecondsPerEvent(
            TimeSpan.FromSeconds(1), [new("silo", 50), new("gateway", 25)], TimeSpan.FromSeconds(10), decided: 1000);

        Assert.NotNull(perEvent);
        Assert.Equal(8500, perEvent.Value, precision: 6);
        Assert.Null(WatchedProcesses.MicrosecondsPerEvent(TimeSpan.FromSeconds(1), [], TimeSpan.FromSeconds(10), decided: 0));
    }
}
