using Ops.Contracts.Situations;

namespace Ops.Dashboard.Feed;

/// <summary>Builds a site's last hour minute by minute: the feed counts as given, and the situations
/// open at the end of each minute reconstructed from when they were raised and resolved.</summary>
public static class ActivityTimeline
{
    public const int Minutes = 60;

    /// <summary>The start of the first of the <see cref="Minutes"/> minutes that end with the current one.</summary>
    public static DateTimeOffset FirstMinute(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var currentMinute = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return currentMinute.AddMinutes(-(Minutes - 1));
    }

    /// <param name="now">When the counts are taken; the last minute is the current one, counted up to now.</param>
    /// <param name="eventsPerMinute">Feed entries per minute from <see cref="FirstMinute"/>, oldest first.</param>
    /// <param name="situations">The site's situations that may have been open in the hour; repeats of an id count once.</param>
    public static SiteActivity Build(DateTimeOffset now, IReadOnlyList<int> eventsPerMinute, IEnumerable<SituationView> situations)
    {
        var utcNow = now.ToUniversalTime();
        var first = FirstMinute(utcNow);
        var counted = situations
            .DistinctBy(situation => situation.Id)
            .Where(situation => situation.GroupedInto is null && Severity.IsKnown(situation.Severity))
            .ToList();
        var minutes = new ActivityMinute[Minutes];
        for (var i = 0; i < Minutes; i++)
        {
            var start = first.AddMinutes(i);
            var end = i == Minutes - 1 ? utcNow : start.AddMinutes(1);
            int critical = 0, major = 0, minor = 0, info = 0;
            foreach (var situation in counted.Where(situation => IsOpenAt(situation, end)))
            {
                switch (situation.Severity)
                {
                    case Severity.Critical: critical++; break;
                    case Severity.Major: major++; break;
                    case Severity.Minor: minor++; break;
                    default: info++; break;
                }
            }
            var events = i < eventsPerMinute.Count ? eventsPerMinute[i] : 0;
            minutes[i] = new ActivityMinute(start, events, critical, major, minor, info);
        }
        return new SiteActivity(first, utcNow, minutes);
    }

    /// <summary>Raised by then and not yet resolved; acknowledged and shelved situations are still open.</summary>
    public static bool IsOpenAt(SituationView situation, DateTimeOffset at)
    {
        if (situation.RaisedAt > at)
            return false;
        if (situation.ResolvedAt is { } resolvedAt)
            return resolvedAt > at;
        // Resolved without a time cannot be placed; count it nowhere rather than forever.
        return situation.State != SituationStates.Resolved;
    }
}
