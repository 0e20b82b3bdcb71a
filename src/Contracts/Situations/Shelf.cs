namespace Ops.Contracts.Situations;

/// <summary>A kind silenced at one gate until a time: still recorded, not pushed as new alarms.</summary>
[GenerateSerializer, Immutable, Alias("ops.shelf")]
public sealed record Shelf(
    [property: Id(0)] string GateId,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset Until,
    [property: Id(3)] string By,
    [property: Id(4)] string Reason);
