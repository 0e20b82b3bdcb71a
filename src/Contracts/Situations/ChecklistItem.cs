namespace Ops.Contracts.Situations;

/// <summary>One step of a situation's standard operating procedure.</summary>
[GenerateSerializer, Immutable, Alias("ops.checklist-item")]
public sealed record ChecklistItem([property: Id(0)] string Step, [property: Id(1)] bool Done);
