namespace Ops.Dashboard.Feed;

/// <summary>The answer of <c>GET /api/sites/{siteId}/activity</c>: <see cref="From"/> is the start of the
/// first minute, <see cref="To"/> the moment the counts were taken (within the last minute).</summary>
public sealed record SiteActivity(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ActivityMinute> Minutes);
