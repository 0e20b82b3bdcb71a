namespace Ops.Simulator;

/// <summary>Demo traffic: heartbeats, and a card swipe at a random gate every two seconds or so.</summary>
public static class DemoTraffic
{
    private static readonly Random Random = new();

    private static object Swipe(DemoGate gate, DateTimeOffset now) => new
    {
        eventId = Guid.NewGuid().ToString("N"),
        type = "card.swiped",
        at = now,
        card = gate.Cards[Random.Next(gate.Cards.Count)],
        direction = Random.Next(2) == 0 ? "in" : "out",
    };

    private static object PlateRead(DemoGate gate, DateTimeOffset now) => new
    {
        eventId = Guid.NewGuid().ToString("N"),
        type = "plate.read",
        at = now,
        plate = gate.Plates[Random.Next(gate.Plates.Count)],
        direction = gate.GateId.EndsWith("out", StringComparison.Ordinal) ? "out" : "in",
        confidence = 90 + Random.Next(10),
    };

    public static async Task<int> RunAsync(SimulatorSettings settings, IReadOnlyList<DemoGate> demoGates, CancellationToken stop)
    {
        var gates = demoGates.Select(gate => new SimulatedGate(settings, gate)).ToList();
        var lastHeartbeat = DateTimeOffset.MinValue;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    foreach (var gate in gates.Where(gate => !gate.IsConnected))
                        await gate.ConnectAsync(stop);
                    var now = DateTimeOffset.UtcNow;
                    if (now - lastHeartbeat > TimeSpan.FromSeconds(25))
                    {
                        foreach (var gate in gates)
                            await gate.PublishAsync("status", new { online = true, at = now, firmware = "sim-1.0" }, stop);
                        lastHeartbeat = now;
                    }
                    var next = gates[Random.Next(gates.Count)];
                    await next.PublishAsync("events", next.Gate.IsVehicle ? PlateRead(next.Gate, now) : Swipe(next.Gate, now), stop);
                }
                catch (Exception exception) when (!stop.IsCancellationRequested)
                {
                    Console.Error.WriteLine($"simulated gates: {exception.Message}; retrying");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(1500 + Random.Next(1000)), stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        foreach (var gate in gates)
            await gate.DisposeAsync();
        return 0;
    }
}
