using Ops.Contracts.Sites;

namespace Ops.Silo.Sites;

[GenerateSerializer, Alias("ops.site-state")]
public sealed class SiteState
{
    [Id(0)] public SiteConfig? Config { get; set; }
    /// <summary>The site's gates and residents as older versions stored them. The gates are a log now (<c>IdSetLog</c>);
    /// the residents are read from their own states (<c>ResidentDirectoryGrain</c>), so this list is no longer read.</summary>
    [Id(1)] public SortedSet<string> GateIds { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public SortedSet<string> ResidentIds { get; set; } = new(StringComparer.Ordinal);
}
