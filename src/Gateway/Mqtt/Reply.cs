namespace Ops.Gateway.Mqtt;

/// <summary>A message the hub sends back to a gate; <see cref="Decision"/> is the reason of a command that answers
/// an event (for <c>ops_decisions_total</c>), null for a reject.</summary>
public sealed record Reply(string Topic, byte[] Payload)
{
    public string? Decision { get; init; }
}
