namespace Ops.Contracts.Residents;

/// <summary>The outcome of claiming a card (or a plate): who holds it now, and who held it before (to undo the claim).</summary>
[GenerateSerializer, Immutable, Alias("ops.holder-claim")]
public sealed record HolderClaim([property: Id(0)] string Holder, [property: Id(1)] string? Previous);
