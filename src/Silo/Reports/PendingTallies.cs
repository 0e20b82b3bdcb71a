using Ops.Contracts.Feed;
using Ops.Contracts.Reports;

namespace Ops.Silo.Reports;

/// <summary>What a site counted since its last flush, per day of the site's calendar (a late event counts
/// on the day it happened).</summary>
public sealed class PendingTallies
{
    private readonly Dictionary<DateOnly, DayCounts> days = [];

    public bool IsEmpty => days.Count == 0;

    public void Record(EventView entry, TimeZoneInfo zone)
    {
        var passage = Tallying.PassageOf(entry);
        var cents = Tallying.PaymentCents(entry);
        if (passage == Passage.None && cents == 0)
            return;
        var (date, hour) = Tallying.LocalHour(entry.At, zone);
        if (!days.TryGetValue(date, out var counts))
            days[date] = counts = new DayCounts();
        counts.Count(entry.GateId, hour, passage);
        if (cents > 0)
            counts.Pay(cents);
    }

    /// <summary>Everything counted, one increment per day, and starts again from nothing.</summary>
    public IReadOnlyList<DayTally> Drain()
    {
        var tallies = days.OrderBy(day => day.Key).Select(day => day.Value.ToTally(day.Key)).ToList();
        days.Clear();
        return tallies;
    }

    /// <summary>Takes back an increment that could not be stored, to try again at the next flush.</summary>
    public void Return(DayTally tally)
    {
        if (!days.TryGetValue(tally.Date, out var counts))
            days[tally.Date] = counts = new DayCounts();
        counts.Add(tally);
    }
}
