namespace Ops.Contracts.Situations;

/// <summary>One change of a situation: when, by whom (a username, or <c>system</c>), what, and why.</summary>
[GenerateSerializer, Immutable, Alias("ops.history-entry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Note = null);
