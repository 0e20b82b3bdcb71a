namespace Ops.Silo.Sites;

[GenerateSerializer, Alias("ops.site-directory-state")]
public sealed class SiteDirectoryState
{
    [Id(0)] public SortedDictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);
}
