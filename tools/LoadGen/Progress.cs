using System.Diagnostics;

namespace Ops.LoadGen;

/// <summary>A progress line for long phases: rewritten in place on a terminal, printed every few seconds
/// when the output goes to a file or a pipe.</summary>
public sealed class Progress(string what, long total)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private long done;
    private TimeSpan lastPrinted = TimeSpan.FromDays(-1);

    public void Add(long count = 1)
    {
        var now = Interlocked.Add(ref done, count);
        var interval = Console.IsOutputRedirected ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200);
        lock (gate)
        {
            if (clock.Elapsed - lastPrinted < interval && now < total)
                return;
            lastPrinted = clock.Elapsed;
            Print(now, final: false);
        }
    }

    public void Done()
    {
        lock (gate)
            Print(Interlocked.Read(ref done), final: true);
    }

    private void Print(long now, bool final)
    {
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var line = $"  {what}: {now:N0}/{total:N0} ({now / seconds:N0}/s, {clock.Elapsed.TotalSeconds:N0} s)";
        if (Console.IsOutputRedirected)
        {
            if (final || now < total)
                Console.WriteLine(line);
        }
        else
        {
            Console.Write($"\r{line}   ");
            if (final)
                Console.WriteLine();
        }
    }
}
