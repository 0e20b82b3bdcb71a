using System.Net;

namespace Ops.Gateway.Mqtt;

/// <summary>Where the embedded broker listens: <c>OPS_MQTT_BIND</c> (default loopback) and <c>OPS_MQTT_PORT</c>.</summary>
public sealed record BrokerSettings(IPAddress Address, int Port);
