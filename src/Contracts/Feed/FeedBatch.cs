using Ops.Contracts.Gates;
using Ops.Contracts.Situations;

namespace Ops.Contracts.Feed;

/// <summary>What the cluster pushes to the dashboards in one go: feed entries, and the latest view
/// of each situation and gate that changed.</summary>
[GenerateSerializer, Immutable, Alias("ops.feed-batch")]
public sealed record FeedBatch
{
    [Id(0)] public IReadOnlyList<EventView> Events { get; init; } = [];
    [Id(1)] public IReadOnlyList<SituationView> Situations { get; init; } = [];
    [Id(2)] public IReadOnlyList<GateView> Gates { get; init; } = [];
}
