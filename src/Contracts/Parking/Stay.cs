namespace Ops.Contracts.Parking;

/// <summary>One stay of a vehicle at a site: from its entry to its exit.</summary>
[GenerateSerializer, Immutable, Alias("ops.stay")]
public sealed record Stay
{
    [Id(0)] public required DateTimeOffset EntryAt { get; init; }
    [Id(1)] public required string EntryGateId { get; init; }

    /// <summary>The reason the vehicle came in with, e.g. <c>granted.temporary</c>.</summary>
    [Id(2)] public required string EntryReason { get; init; }

    [Id(3)] public DateTimeOffset? ExitAt { get; init; }
    [Id(4)] public string? ExitGateId { get; init; }
    [Id(5)] public string? ExitReason { get; init; }
    [Id(6)] public long PaidCents { get; init; }
    [Id(7)] public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The fee charged for the stay when it closed, in cents.</summary>
    [Id(8)] public long? FeeCents { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsTemporary => EntryReason == "granted.temporary";
}
