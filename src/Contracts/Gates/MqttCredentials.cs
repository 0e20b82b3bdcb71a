namespace Ops.Contracts.Gates;

/// <summary>A gate's MQTT login; the password is shown once and stored only as a hash.</summary>
[GenerateSerializer, Immutable, Alias("ops.mqtt-credentials")]
public sealed record MqttCredentials([property: Id(0)] string Username, [property: Id(1)] string Password);
