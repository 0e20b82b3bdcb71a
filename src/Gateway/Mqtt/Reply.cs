namespace Ops.Gateway.Mqtt;

/// <summary>A message the hub sends back to a gate.</summary>
public sealed record Reply(string Topic, byte[] Payload);
