namespace Ops.Contracts.Gates;

/// <summary>What the hub did with an event: the command to send back, if any.</summary>
[GenerateSerializer, Immutable, Alias("ops.event-outcome")]
public sealed record EventOutcome([property: Id(0)] GateCommand? Command)
{
    public static readonly EventOutcome None = new((GateCommand?)null);
}
