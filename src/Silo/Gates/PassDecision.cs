namespace Ops.Silo.Gates;

/// <summary>The action and reason a gate rule arrives at, before it becomes a command.</summary>
public sealed record PassDecision(string Action, string Reason);
