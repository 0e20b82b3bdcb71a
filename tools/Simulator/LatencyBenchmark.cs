using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ops.Simulator;

/// <summary>Sends events one at a time from one gate and measures publish -> command (matched by
/// inReplyTo): card swipes at a pedestrian door, or plate reads at the car park entrance (each plate in,
/// then out again).</summary>
public static class LatencyBenchmark
{
    public static async Task<int> RunAsync(SimulatorOptions options, IReadOnlyList<DemoGate> gates, string what, int count, CancellationToken stop)
    {
        var plates = what == "plates";
        var demoGate = gates.First(gate => gate.IsVehicle == plates);
        await using var gate = new SimulatedGate(options.MqttHost, options.MqttPort, demoGate);
        var waiting = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        gate.Received += (_, command) =>
        {
            if (command.TryGetProperty("inReplyTo", out var reply) && reply.GetString() is { } id
                && waiting.TryRemove(id, out var pending))
                pending.TrySetResult(Stopwatch.GetTimestamp());
        };
        await gate.ConnectAsync(stop);

        var warmup = Math.Min(50, count);
        var samples = new List<double>(count);
        for (var i = 0; i < warmup + count; i++)
        {
            var eventId = $"bench-{Guid.NewGuid():N}";
            var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[eventId] = arrived;
            var sent = Stopwatch.GetTimestamp();
            object gateEvent = plates
                ? new { eventId, type = "plate.read", at = DateTimeOffset.UtcNow, plate = $"BENCH{i / 2 % 50}", direction = i % 2 == 0 ? "in" : "out" }
                : new { eventId, type = "card.swiped", at = DateTimeOffset.UtcNow, card = demoGate.Cards[i % demoGate.Cards.Count], direction = "in" };
            await gate.PublishAsync("events", gateEvent, stop);
            var received = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), stop);
            if (i >= warmup)
                samples.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
        }

        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        Console.WriteLine($"{(plates ? "plate read" : "swipe")} -> command latency over {samples.Count} events (after {warmup} warm-up):");
        Console.WriteLine($"  p50 {At(0.50):0.00} ms   p90 {At(0.90):0.00} ms   p99 {At(0.99):0.00} ms   max {samples[^1]:0.00} ms");
        return 0;
    }
}
