namespace Ops.Silo.Gates;

/// <summary>What the gate procedure answers an event with, before it becomes a command.</summary>
public sealed record Answer(string Action, string? Reason, IReadOnlyList<string> Display, string? Voice)
{
    public IReadOnlyList<string> Personal { get; init; } = [];

    /// <summary>How much longer than the gate's usual time the barrier stays open (1 = as usual).</summary>
    public int OpenFactor { get; init; } = 1;
}
