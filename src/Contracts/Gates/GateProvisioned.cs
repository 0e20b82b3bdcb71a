namespace Ops.Contracts.Gates;

/// <summary>The result of provisioning a gate: its view, and credentials when a secret was issued.</summary>
[GenerateSerializer, Immutable, Alias("ops.gate-provisioned")]
public sealed record GateProvisioned([property: Id(0)] GateView Gate, [property: Id(1)] MqttCredentials? Mqtt);
