using Ops.Simulator.Hub;
using Ops.Simulator.People;

namespace Ops.Simulator.Day;

/// <summary>Plays the day's script and the quiet traffic through the gates (MQTT) and the office (HTTP):
/// heartbeats for every gate that is not silent, each beat at its time, the elderly residents living
/// alone seen at a door often enough (all but the one the story is about), and ordinary events at
/// <c>--rate</c>. Every event carries the real time: the hub decides on its own clock.</summary>
public sealed class DayPlayer(
    SimulatorOptions options, HubApi api, IReadOnlyList<SimulatedGate> gates, Community community,
    IReadOnlyList<Beat> script, Progress progress)
{
    private readonly Random random = new();
    private readonly Dictionary<string, SimulatedGate> byId = gates.ToDictionary(gate => gate.Gate.GateId);

    public async Task RunAsync(CancellationToken stop)
    {
        foreach (var gate in gates)
        {
            gate.Received += (channel, message) =>
                progress.Received(channel, message.TryGetProperty("action", out var action) ? action.GetString() : null);
        }
        var started = DateTimeOffset.UtcNow;
        var traffic = new QuietTraffic(community, script, random);
        var watched = community.Residents.Where(p => p.Watched && p.ResidentId != community.Cast.Unseen.ResidentId)
            .ToDictionary(p => p, _ => started);
        var welfarePeriod = TimeSpan.FromSeconds(DemoSite.WelfareCheckSeconds(options.Day));
        var nextBeat = 0;
        var nextQuiet = started + Gap();
        var connectAfter = DateTimeOffset.MinValue;

        while (!stop.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            var elapsed = now - started;
            if (options.Duration is { } duration && elapsed >= duration)
                break;
            var clock = elapsed < options.Day ? DayScript.Clock(elapsed, options.Day).ToString("HH:mm") : "night";
            try
            {
                if (now >= connectAfter)
                    await ConnectAsync(now, stop);
                foreach (var gate in gates.Where(g => g.IsConnected && !g.Silent && now - g.LastHeartbeat >= TimeSpan.FromSeconds(g.Gate.HeartbeatSeconds / 3.0)))
                    await gate.HeartbeatAsync(now, stop);

                // A beat that fails is reported below and not tried again: the day goes on.
                while (nextBeat < script.Count && script[nextBeat].At <= elapsed)
                    await PlayAsync(script[nextBeat++], now, stop);

                // The elderly living alone go out now and then: at half the welfare period, well before it is due.
                foreach (var person in watched.Where(w => now - w.Value >= welfarePeriod / 2).Select(w => w.Key).ToList())
                {
                    await PlayAsync(new Beat.Swipe(elapsed, Door(), person.Card, random.Next(2) == 0 ? "in" : "out", person.ResidentId), now, stop);
                    watched[person] = now;
                }

                if (options.Rate > 0 && now >= nextQuiet)
                {
                    await PlayAsync(traffic.Next(elapsed, gateId => !byId[gateId].Silent), now, stop);
                    nextQuiet = now + Gap();
                }
            }
            catch (Exception exception) when (!stop.IsCancellationRequested)
            {
                progress.Say(clock, $"(!) {exception.GetType().Name}: {exception.Message}; trying again in 2 s");
                connectAfter = now + TimeSpan.FromSeconds(2);
            }
            progress.Tick(clock, gates.Count(g => g.IsConnected && !g.Silent), gates.Count, now, elapsed >= options.Day);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task ConnectAsync(DateTimeOffset now, CancellationToken stop)
    {
        foreach (var gate in gates.Where(g => !g.IsConnected))
        {
            await gate.ConnectAsync(stop);
            if (!gate.Silent)
                await gate.HeartbeatAsync(now, stop);
        }
    }

    private string Door()
    {
        var doors = DemoSite.Doors.Where(door => !byId[door].Silent).ToList();
        return doors[random.Next(doors.Count)];
    }

    /// <summary>The wait until the next ordinary event: exponential, so events arrive as they do, unevenly.</summary>
    private TimeSpan Gap() => options.Rate > 0
        ? TimeSpan.FromSeconds(Math.Min(60, -Math.Log(1 - random.NextDouble()) / options.Rate))
        : TimeSpan.MaxValue / 2;

    private async Task PlayAsync(Beat beat, DateTimeOffset now, CancellationToken stop)
    {
        switch (beat)
        {
            case Beat.Say say:
                progress.Say(say.Clock, say.Text);
                break;
            case Beat.Swipe swipe:
                await SendAsync(swipe.GateId, new { eventId = NewId(), type = "card.swiped", at = now, card = swipe.Card, direction = swipe.Direction }, stop);
                break;
            case Beat.PlateRead read:
                await SendAsync(read.GateId, new { eventId = NewId(), type = "plate.read", at = now, plate = read.Plate, direction = read.Direction, confidence = 90 + random.Next(10) }, stop);
                break;
            case Beat.Payment payment:
                await SendAsync(payment.GateId, new { eventId = NewId(), type = "payment.completed", at = now, plate = payment.Plate, amountCents = payment.AmountCents, method = "wechat" }, stop);
                break;
            case Beat.Door door:
                await SendAsync(door.GateId, new { eventId = NewId(), type = door.Type, at = now, seconds = door.Seconds }, stop);
                break;
            case Beat.Silence silence:
                byId[silence.GateId].Silent = silence.Silent;
                if (!silence.Silent && byId[silence.GateId].IsConnected)
                    await byId[silence.GateId].HeartbeatAsync(now, stop);
                break;
            case Beat.Incident incident:
                var households = await api.PostIncidentAsync(options.SiteId,
                    new { kind = incident.Kind, building = incident.Building, title = incident.Title, detail = incident.Detail }, stop);
                progress.Say("     ", $"{households} households in building {incident.Building} to visit");
                break;
        }
    }

    private async Task SendAsync(string gateId, object gateEvent, CancellationToken stop)
    {
        var gate = byId[gateId];
        if (gate.Silent || !gate.IsConnected)
            return;
        await gate.PublishAsync("events", gateEvent, stop);
        progress.EventSent();
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
