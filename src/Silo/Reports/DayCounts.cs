using Ops.Contracts.Reports;

namespace Ops.Silo.Reports;

/// <summary>The counts of one site's day: per gate, passages in, out and refused in each of the 24 hours,
/// and the parking payments. The durable state of a <see cref="TallyDayGrain"/> and the buffer of a
/// <see cref="SiteTallyGrain"/>.</summary>
[GenerateSerializer, Alias("ops.day-counts")]
public sealed class DayCounts
{
    public const int Hours = 24;

    [Id(0)] public Dictionary<string, GateDay> Gates { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public int Payments { get; set; }
    [Id(2)] public long RevenueCents { get; set; }

    public bool IsEmpty => Gates.Count == 0 && Payments == 0 && RevenueCents == 0;

    public void Count(string gateId, int hour, Passage passage, int times = 1)
    {
        if (passage == Passage.None || times == 0 || hour is < 0 or >= Hours)
            return;
        if (!Gates.TryGetValue(gateId, out var gate))
            Gates[gateId] = gate = new GateDay();
        var hours = passage switch
        {
            Passage.In => gate.In,
            Passage.Out => gate.Out,
            _ => gate.Denied,
        };
        hours[hour] += times;
    }

    public void Pay(long cents, int payments = 1)
    {
        Payments += payments;
        RevenueCents += cents;
    }

    public void Add(DayTally tally)
    {
        foreach (var traffic in tally.Traffic)
        {
            Count(traffic.GateId, traffic.Hour, Passage.In, traffic.In);
            Count(traffic.GateId, traffic.Hour, Passage.Out, traffic.Out);
            Count(traffic.GateId, traffic.Hour, Passage.Denied, traffic.Denied);
        }
        Pay(tally.RevenueCents, tally.Payments);
    }

    /// <summary>The counts as a tally: hours without any passage left out, by gate and hour.</summary>
    public DayTally ToTally(DateOnly date) => new()
    {
        Date = date,
        Traffic = [.. Gates.OrderBy(gate => gate.Key, StringComparer.Ordinal).SelectMany(gate =>
            Enumerable.Range(0, Hours)
                .Where(hour => gate.Value.In[hour] + gate.Value.Out[hour] + gate.Value.Denied[hour] > 0)
                .Select(hour => new GateHourTraffic
                {
                    GateId = gate.Key,
                    Hour = hour,
                    In = gate.Value.In[hour],
                    Out = gate.Value.Out[hour],
                    Denied = gate.Value.Denied[hour],
                }))],
        Payments = Payments,
        RevenueCents = RevenueCents,
    };
}

/// <summary>One gate's passages in each hour of a day.</summary>
[GenerateSerializer, Alias("ops.gate-day")]
public sealed class GateDay
{
    [Id(0)] public int[] In { get; set; } = new int[DayCounts.Hours];
    [Id(1)] public int[] Out { get; set; } = new int[DayCounts.Hours];
    [Id(2)] public int[] Denied { get; set; } = new int[DayCounts.Hours];
}
