namespace Ops.Simulator.Day;

/// <summary>One thing that happens at a moment of the compressed day, <see cref="At"/> after it began.</summary>
public abstract record Beat(TimeSpan At)
{
    /// <summary>A line of the story, printed as it happens.</summary>
    public sealed record Say(TimeSpan At, string Clock, string Text) : Beat(At);

    public sealed record Swipe(TimeSpan At, string GateId, string Card, string Direction, string ResidentId) : Beat(At);

    public sealed record PlateRead(TimeSpan At, string GateId, string Plate, string Direction) : Beat(At);

    public sealed record Payment(TimeSpan At, string GateId, string Plate, int AmountCents) : Beat(At);

    /// <summary><c>door.opened</c>, <c>door.held</c> or <c>door.closed</c>.</summary>
    public sealed record Door(TimeSpan At, string GateId, string Type, int? Seconds = null) : Beat(At);

    /// <summary>The gate stops reporting (no heartbeat, no events), or starts again.</summary>
    public sealed record Silence(TimeSpan At, string GateId, bool Silent) : Beat(At);

    /// <summary>The property office posts an incident over the HTTP API.</summary>
    public sealed record Incident(TimeSpan At, string Kind, string Building, string Title, string Detail) : Beat(At);
}
