namespace Ops.LoadGen;

/// <summary>The fields of a live-feed entry (<c>EventView</c>) the generator matches on.</summary>
public sealed record FeedEntry(string SiteId, string GateId, string EventId);
