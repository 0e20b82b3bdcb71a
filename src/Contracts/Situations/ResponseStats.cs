namespace Ops.Contracts.Situations;

/// <summary>Response times of one group (a user or a kind): how many, and the median and
/// 90th percentile seconds to acknowledge and to resolve.</summary>
[GenerateSerializer, Immutable, Alias("ops.response-figures")]
public sealed record ResponseFigures
{
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public int Count { get; init; }
    [Id(2)] public int Acknowledged { get; init; }
    [Id(3)] public double? AcknowledgeMedianSeconds { get; init; }
    [Id(4)] public double? AcknowledgeP90Seconds { get; init; }
    [Id(5)] public int Resolved { get; init; }
    [Id(6)] public double? ResolveMedianSeconds { get; init; }
    [Id(7)] public double? ResolveP90Seconds { get; init; }
}

/// <summary>The answer of <c>GET /api/sites/{siteId}/stats/response</c>.</summary>
[GenerateSerializer, Immutable, Alias("ops.response-stats")]
public sealed record ResponseStats
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public DateTimeOffset From { get; init; }
    [Id(2)] public DateTimeOffset To { get; init; }
    [Id(3)] public IReadOnlyList<ResponseFigures> ByUser { get; init; } = [];
    [Id(4)] public IReadOnlyList<ResponseFigures> ByKind { get; init; } = [];
}
