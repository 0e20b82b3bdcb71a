namespace Ops.Contracts.Residents;

/// <summary>A resident of a site (docs/api.md <c>Resident</c>). Serialized without reference tracking: a record
/// never refers to itself, and a site's whole list (100,000 of them) spent most of its reading time remembering
/// each one for references that never come.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("ops.resident")]
public sealed record Resident
{
    [Id(0)] public string ResidentId { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string Unit { get; init; } = "";
    [Id(3)] public string? Building { get; init; }
    [Id(4)] public string? Phone { get; init; }
    [Id(5)] public string? Birthday { get; init; }
    [Id(6)] public IReadOnlyList<string> Care { get; init; } = [];
    [Id(7)] public IReadOnlyList<string> Cards { get; init; } = [];
    [Id(8)] public IReadOnlyList<string> Plates { get; init; } = [];
    [Id(9)] public string? Notes { get; init; }
    [Id(10)] public bool Active { get; init; } = true;
}
