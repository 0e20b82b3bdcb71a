namespace Ops.Simulator;

/// <summary>Demo traffic: heartbeats, and a card swipe at a random gate every two seconds or so.</summary>
public static class DemoTraffic
{
    public static async Task<int> RunAsync(SimulatorSettings settings, IReadOnlyList<DemoGate> demoGates, CancellationToken stop)
    {
        var gates = demoGates.Select(gate => new SimulatedGate(settings, gate)).ToList();
        var random = new Random();
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
                    var swiper = gates[random.Next(gates.Count)];
                    await swiper.PublishAsync("events", new
                    {
                        eventId = Guid.NewGuid().ToString("N"),
                        type = "card.swiped",
                        at = now,
                        card = swiper.Gate.Cards[random.Next(swiper.Gate.Cards.Count)],
                        direction = random.Next(2) == 0 ? "in" : "out",
                    }, stop);
                }
                catch (Exception exception) when (!stop.IsCancellationRequested)
                {
                    Console.Error.WriteLine($"simulated gates: {exception.Message}; retrying");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(1500 + random.Next(1000)), stop);
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
