namespace Ops.Contracts.Sites;

/// <summary>Site options for pedestrian gates (an extension of docs/api.md's <c>SiteConfig</c>).</summary>
[GenerateSerializer, Immutable, Alias("ops.pedestrian-config")]
public sealed record PedestrianConfig
{
    /// <summary>A resident who enters twice without leaving is let in, and an <c>anti-passback</c>
    /// situation (minor) is raised.</summary>
    [Id(0)] public bool SoftAntiPassback { get; init; }
}
