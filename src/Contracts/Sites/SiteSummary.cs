namespace Ops.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("ops.site-summary")]
public sealed record SiteSummary([property: Id(0)] string SiteId, [property: Id(1)] string Name);
