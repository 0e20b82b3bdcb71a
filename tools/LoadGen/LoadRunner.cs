using System.Diagnostics;
using System.Net;

namespace Ops.LoadGen;

/// <summary>The stepped load test: provisions the hub (unless in ceiling mode), connects every gate,
/// then offers each rate in turn for a fixed time, and stops stepping up after the first step that
/// was not sustained.</summary>
public sealed class LoadRunner(LoadOptions options)
{
    private readonly Population population = new(options.Sites, options.Gates, options.Residents);
    private readonly List<GateConnection> gates = [];
    private readonly WatchedProcesses watched = new(options.Watch);
    private TimestampTable? current;

    public async Task<int> RunAsync(CancellationToken stop)
    {
        Console.WriteLine($"{(options.Ceiling ? "Ceiling (plain broker + echo responder)" : $"Hub at {options.Url}")}, MQTT {options.MqttHost}:{options.MqttPort}; "
            + $"{options.Sites} sites, {options.Gates} gates, {options.Residents} residents; steps {string.Join(", ", options.Steps)} events/s, "
            + $"{options.StepSeconds} s each, decision timeout {options.TimeoutSeconds} s");

        string[]? passwords = null;
        string? token = null;
        if (!options.Ceiling)
        {
            using var provisioner = new Provisioner(options, population);
            token = await provisioner.SignInAsync();
            Console.WriteLine("Provisioning through the HTTP API...");
            var clock = Stopwatch.StartNew();
            passwords = await provisioner.ProvisionAsync();
            Console.WriteLine($"Provisioned in {clock.Elapsed.TotalSeconds:N1} s");
        }

        await ConnectGatesAsync(passwords, stop);
        FeedListener? feed = null;
        try
        {
            if (token is not null)
            {
                feed = new FeedListener(options.Url!, token, gates.ToDictionary(g => g.Gate.Key, g => g.Gate.Index), () => Volatile.Read(ref current));
                await feed.StartAsync(population.Sites);
                Console.WriteLine($"Live feed: SignalR client joined to {population.Sites.Count} sites");
            }

            if (options.WarmupSeconds > 0 && options.Steps.Count > 0)
            {
                Console.WriteLine($"Warm-up: {options.Steps[0]} events/s for {options.WarmupSeconds} s (not reported)");
                await RunStepAsync(0, options.Steps[0], options.WarmupSeconds, stop);
            }

            var results = new List<StepResult>();
            Console.WriteLine();
            Console.WriteLine(ResultTable.Header);
            for (var i = 0; i < options.Steps.Count && !stop.IsCancellationRequested; i++)
            {
                var result = await RunStepAsync(i + 1, options.Steps[i], options.StepSeconds, stop);
                results.Add(result);
                Console.WriteLine(ResultTable.Row(result, pushMeasured: feed is not null));
                if (!result.Sustained)
                {
                    Console.WriteLine($"Not sustained at {result.OfferedRate} events/s; stopping here.");
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }

            var summary = ResultTable.Summary(results, options.LatencyAt, pushMeasured: feed is not null);
            Console.WriteLine();
            Console.WriteLine(summary);
            if (options.SummaryFile is { } file)
                await File.WriteAllTextAsync(file, summary + Environment.NewLine, CancellationToken.None);
            return 0;
        }
        finally
        {
            if (feed is not null)
                await feed.DisposeAsync();
            await Task.WhenAll(gates.Select(g => g.DisposeAsync().AsTask()));
        }
    }

    private async Task ConnectGatesAsync(string[]? passwords, CancellationToken stop)
    {
        // The hub checks a gate's password with a slow hash, one at a time per remote address and a few
        // at a time overall; connecting from several loopback addresses lets those checks overlap.
        IPAddress?[] sources = options.MqttHost == "127.0.0.1"
            ? [.. Enumerable.Range(1, 4).Select(i => IPAddress.Parse($"127.0.0.{i}"))]
            : [null];
        foreach (var gate in population.Gates)
            gates.Add(new GateConnection(gate, () => Volatile.Read(ref current)));
        var progress = new Progress("gates connected", gates.Count);
        var next = -1;
        var clock = Stopwatch.StartNew();
        // Well below the hub's 64 unfinished logins per address.
        await Task.WhenAll(Enumerable.Range(0, Math.Min(16, gates.Count)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < gates.Count; i = Interlocked.Increment(ref next))
            {
                await gates[i].ConnectAsync(options.MqttHost, options.MqttPort, passwords?[i], sources[i % sources.Length], options.MaxInFlight, stop);
                progress.Add();
            }
        }));
        progress.Done();
        Console.WriteLine($"{gates.Count} gates connected in {clock.Elapsed.TotalSeconds:N1} s; broker receive maximum "
            + $"{gates.Min(g => g.ServerReceiveMaximum)}..{gates.Max(g => g.ServerReceiveMaximum)}, "
            + $"unacknowledged events per gate at most {gates.Min(g => g.InFlightLimit)} (--max-inflight {options.MaxInFlight})");
    }

    private async Task<StepResult> RunStepAsync(int step, int rate, double seconds, CancellationToken stop)
    {
        var workers = Math.Min(options.Workers, gates.Count);
        // Each publishing task spreads its share evenly over the gates it owns; the fewest any task owns get the most.
        var capacity = (int)Math.Ceiling(rate * seconds / workers / (gates.Count / workers)) + 2;
        var table = new TimestampTable(step, gates.Count, capacity);
        Volatile.Write(ref current, table);
        var schedule = new RateSchedule(rate, workers, Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20, seconds);
        var failuresBefore = gates.Sum(g => g.PublishFailures);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watchedBefore = watched.Sample();
        var wallBefore = Stopwatch.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => PublishAsync(table, schedule, w, stop), stop)));
        var sendEnd = Stopwatch.GetTimestamp();

        // Wait for the stragglers: every decision (and feed entry), or the timeout after the last send.
        var deadline = sendEnd + (long)(options.TimeoutSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !table.AllDecided())
            await Task.Delay(20, stop);
        if (options.Url is not null && !options.Ceiling)
        {
            var feedDeadline = Math.Min(deadline, Stopwatch.GetTimestamp() + Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < feedDeadline)
                await Task.Delay(20, stop);
        }
        Volatile.Write(ref current, null);
        var wall = Stopwatch.GetElapsedTime(wallBefore);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var watchedCpu = watched.Between(watchedBefore, watched.Sample(), wall);
        var result = Measure(table, schedule, rate, seconds, sendEnd, gates.Sum(g => g.PublishFailures) - failuresBefore);
        return result with
        {
            GeneratorCpu = cpu / wall * 100,
            Watched = watchedCpu,
            CpuPerEventUs = WatchedProcesses.MicrosecondsPerEvent(cpu, watchedCpu, wall, result.Decided),
        };
    }

    private async Task PublishAsync(TimestampTable table, RateSchedule schedule, int worker, CancellationToken stop)
    {
        var count = schedule.CountFor(worker);
        var owned = gates.Where(g => g.Gate.Index % schedule.Workers == worker).ToArray();
        var perGate = new long[owned.Length];
        var eventIdStep = table.Step;
        for (long k = 0; k < count && !stop.IsCancellationRequested;)
        {
            var now = Stopwatch.GetTimestamp();
            var due = schedule.DueBy(worker, now);
            if (k >= due)
            {
                // Nothing due: sleep until the next message is (about a millisecond at high rates, when
                // several fall due per wake-up); whatever falls due meanwhile goes out at the next wake-up.
                var wait = Stopwatch.GetElapsedTime(now, schedule.DueAt(worker, k));
                await Task.Delay(wait > TimeSpan.FromMilliseconds(2) ? wait - TimeSpan.FromMilliseconds(1) : TimeSpan.FromMilliseconds(1), stop);
                continue;
            }
            for (; k < due; k++)
            {
                var slot = (int)(k % owned.Length);
                var gate = owned[slot];
                var sequence = table.SentCount(gate.Gate.Index);
                var payload = GateConnection.SwipePayload(TimestampTable.EventId(eventIdStep, sequence), population.CardFor(gate.Gate, perGate[slot]++));
                await gate.AcquireAsync(stop);
                if (table.RecordSent(gate.Gate.Index, Stopwatch.GetTimestamp()) < 0)
                    throw new InvalidOperationException($"Gate {gate.Gate.Index} was given more events than the step's table holds for it.");
                gate.Publish(payload);
            }
        }
    }

    private StepResult Measure(TimestampTable table, RateSchedule schedule, int rate, double seconds, long sendEnd, long failures)
    {
        var timeout = (long)(options.TimeoutSeconds * Stopwatch.Frequency);
        var decisions = new List<double>();
        var pushes = new List<double>();
        var arrivals = new List<long>();
        long sent = 0, undecided = 0;
        for (var gate = 0; gate < table.Gates; gate++)
        {
            var count = table.SentCount(gate);
            sent += count;
            for (var sequence = 0; sequence < count; sequence++)
            {
                var at = table.Sent(gate, sequence);
                var decided = table.Decided(gate, sequence);
                if (decided == 0 || decided - at > timeout)
                    undecided++;
                else
                {
                    decisions.Add(Milliseconds(decided - at));
                    arrivals.Add(decided);
                }
                var pushed = table.Pushed(gate, sequence);
                if (pushed != 0)
                    pushes.Add(Milliseconds(pushed - at));
            }
        }
        var sendSeconds = Math.Max(seconds, (sendEnd - schedule.Start) / (double)Stopwatch.Frequency);
        return new StepResult(rate, seconds, sent, sent / sendSeconds, decisions.Count,
            DecisionRate.Of([.. arrivals], Stopwatch.Frequency, seconds),
            undecided, failures, LatencySummary.Of(decisions), pushes.Count == 0 ? null : LatencySummary.Of(pushes));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
