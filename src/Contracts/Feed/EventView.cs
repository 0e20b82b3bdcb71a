using System.Text.Json.Serialization;

namespace Ops.Contracts.Feed;

/// <summary>One entry of the live feed (docs/api.md, live updates): cards only by their last four characters.</summary>
[GenerateSerializer, Immutable, Alias("ops.event-view")]
public sealed record EventView
{
    [Id(0)] public required string SiteId { get; init; }
    [Id(1)] public required string GateId { get; init; }
    [Id(2)] public required string EventId { get; init; }
    [Id(3)] public required string Type { get; init; }
    [Id(4)] public required DateTimeOffset At { get; init; }
    [Id(5)] public string? Direction { get; init; }
    [Id(6)] public string? ResidentId { get; init; }
    [Id(7)] public string? ResidentName { get; init; }
    [Id(8)] public string? Plate { get; init; }
    [Id(9)] public string? CardTail { get; init; }
    [Id(10)] public string? Action { get; init; }
    [Id(11)] public string? Reason { get; init; }

    /// <summary>Money at a vehicle gate, in cents: the fee due or charged on exit, the amount of a payment.</summary>
    [Id(12)] public long? AmountCents { get; init; }

    /// <summary>The W3C trace context of the event's handling in the cluster, when traces are recorded, so the
    /// dashboard's push joins the event's trace. Not part of what screens receive.</summary>
    [Id(13), JsonIgnore] public string? TraceParent { get; init; }
}
