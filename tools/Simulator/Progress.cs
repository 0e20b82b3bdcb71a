namespace Ops.Simulator;

/// <summary>What the simulator prints: each scene of the day as it happens, and a running count of events
/// and decisions (a status line rewritten in place on a terminal, a line every 10 s otherwise).</summary>
public sealed class Progress(bool quiet)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private readonly bool live = !Console.IsOutputRedirected;
    private readonly Lock gate = new();
    private DateTimeOffset lastReport = DateTimeOffset.UtcNow;
    private long sent, opened, denied, shown, rejected;
    private bool statusShown;

    public long Sent => Interlocked.Read(ref sent);

    public void EventSent() => Interlocked.Increment(ref sent);

    public void Received(string channel, string? action)
    {
        if (channel == "rejects")
            Interlocked.Increment(ref rejected);
        else if (action == "open")
            Interlocked.Increment(ref opened);
        else if (action == "deny")
            Interlocked.Increment(ref denied);
        else
            Interlocked.Increment(ref shown);
    }

    /// <summary>One line of the story (or a problem), with the day's clock.</summary>
    public void Say(string clock, string text)
    {
        lock (gate)
        {
            ClearStatus();
            Console.WriteLine(clock.Length == 0 ? text : $"{clock}  {text}");
        }
    }

    /// <param name="dayOver">After the day, a line a minute is enough.</param>
    public void Tick(string clock, int online, int gates, DateTimeOffset now, bool dayOver)
    {
        var every = live ? TimeSpan.FromSeconds(1) : dayOver ? Every * 6 : Every;
        if (quiet || now - lastReport < every)
            return;
        lastReport = now;
        var status = $"{clock}  {Sent} events sent: {Interlocked.Read(ref opened)} opened, {Interlocked.Read(ref denied)} denied, "
            + $"{Interlocked.Read(ref shown)} shown, {Interlocked.Read(ref rejected)} rejected; gates {online}/{gates} reporting";
        lock (gate)
        {
            if (live)
            {
                Console.Write($"\r{status}\u001b[K");
                statusShown = true;
            }
            else
            {
                Console.WriteLine(status);
            }
        }
    }

    private void ClearStatus()
    {
        if (!statusShown)
            return;
        Console.Write("\r\u001b[K");
        statusShown = false;
    }
}
