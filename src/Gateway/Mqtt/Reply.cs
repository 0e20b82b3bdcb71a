using Ops.Contracts.Gates;
using Ops.Contracts.Wire;

namespace Ops.Gateway.Mqtt;

/// <summary>A message the hub sends back to a gate on one of its channels (<see cref="GateTopics.Commands"/> or
/// <see cref="GateTopics.Rejects"/>); <see cref="Decision"/> is the reason of a command that answers an event
/// (for <c>ops_decisions_total</c>), null for a reject.</summary>
public sealed record Reply(GateAddress Gate, string Channel, byte[] Payload)
{
    public string Topic => GateTopics.For(Gate, Channel);

    public string? Decision { get; init; }
}
