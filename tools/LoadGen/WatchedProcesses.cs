using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;

namespace Ops.LoadGen;

/// <summary>The processes a run reports the CPU of besides its own (<c>--watch silo=123,gateway=456</c>): on the
/// same machine, what each step cost every process shows where the time goes, and the sum over the events decided
/// shows what one event costs the whole machine, which a saturated step's latencies do not.</summary>
public sealed class WatchedProcesses(IReadOnlyList<WatchedProcess> processes)
{
    /// <summary><c>name=pid</c> pairs separated by commas.</summary>
    public static IReadOnlyList<WatchedProcess> Parse(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                throw new ArgumentException($"--watch takes name=pid pairs separated by commas, not '{pair}'");
            return new WatchedProcess(parts[0], pid);
        })];

    /// <summary>Each process's CPU time so far; zero for one that has gone.</summary>
    public TimeSpan[] Sample() => [.. processes.Select(process => process.CpuTime())];

    /// <summary>What one decided event cost the machine, in microseconds of CPU: the generator's own CPU and every
    /// watched process's over the step, divided by the events decided in it; null when none was.</summary>
    public static double? MicrosecondsPerEvent(TimeSpan generatorCpu, IEnumerable<ProcessCpu> watched, TimeSpan wall, long decided) =>
        decided == 0 ? null : (generatorCpu + wall * (watched.Sum(process => process.Percent) / 100)).TotalMicroseconds / decided;

    /// <summary>Each process's CPU between two samples, in percent of one core over <paramref name="wall"/>.</summary>
    public IReadOnlyList<ProcessCpu> Between(TimeSpan[] before, TimeSpan[] after, TimeSpan wall) =>
        [.. processes.Select((process, i) => new ProcessCpu(process.Name, (after[i] - before[i]) / wall * 100))];
}

public sealed record WatchedProcess(string Name, int Pid)
{
    public TimeSpan CpuTime()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            return process.TotalProcessorTime;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }
}

/// <summary>A process's CPU over a step, in percent of one core.</summary>
public sealed record ProcessCpu(string Name, double Percent)
{
    public override string ToString() => Invariant($"{Name} {Percent:0}%");
}
