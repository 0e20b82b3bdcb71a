using Ops.Contracts.Feed;
using Ops.Contracts.Gates;

namespace Ops.Silo.Reports;

/// <summary>How a feed entry counts in the reports (docs/reports.md): which passage it is, what money it
/// brought in, and in which hour of the site's calendar it falls.</summary>
public static class Tallying
{
    /// <summary>A card swipe or plate read that opened is a passage in its direction, one that was refused is
    /// a denial; a payment that opened the barrier is a car leaving. Everything else is no passage.</summary>
    public static Passage PassageOf(EventView entry) => entry.Type switch
    {
        EventTypes.CardSwiped or EventTypes.PlateRead => entry.Action switch
        {
            GateActions.Open => entry.Direction switch
            {
                Direction.In => Passage.In,
                Direction.Out => Passage.Out,
                _ => Passage.None,
            },
            GateActions.Deny => Passage.Denied,
            _ => Passage.None,
        },
        EventTypes.PaymentCompleted when entry.Action == GateActions.Open => Passage.Out,
        _ => Passage.None,
    };

    /// <summary>The money of a payment the hub applied to a stay (it then has a reason); a payment for no
    /// stay of a visitor car was not taken for parking and counts nothing.</summary>
    public static long PaymentCents(EventView entry) =>
        entry.Type == EventTypes.PaymentCompleted && entry.Reason is not null && entry.AmountCents is > 0 and var cents
            ? cents
            : 0;

    /// <summary>Whether the entry counts in the reports at all (the feed also carries doors, faults and the like).</summary>
    public static bool Counts(EventView entry) => PassageOf(entry) != Passage.None || PaymentCents(entry) > 0;

    /// <summary>The day and hour of an instant on the site's clock.</summary>
    public static (DateOnly Date, int Hour) LocalHour(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return (DateOnly.FromDateTime(local.DateTime), local.Hour);
    }

    /// <summary>The site's zone, or UTC for a name this machine does not know.</summary>
    public static TimeZoneInfo Zone(string? name) =>
        name is not null && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
}
