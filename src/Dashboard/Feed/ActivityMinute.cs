namespace Ops.Dashboard.Feed;

/// <summary>One minute of a site's activity: the feed entries that arrived in it, and the situations
/// open at its end (or now, for the current minute) by severity.</summary>
public sealed record ActivityMinute(DateTimeOffset At, int Events, int Critical, int Major, int Minor, int Info);
