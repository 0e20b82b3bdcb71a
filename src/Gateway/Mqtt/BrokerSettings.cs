using System.Net;

namespace Ops.Gateway.Mqtt;

/// <summary>Where the embedded broker listens (<c>OPS_MQTT_BIND</c>, default loopback, and <c>OPS_MQTT_PORT</c>)
/// and the limits it holds every connection to.</summary>
public sealed record BrokerSettings(IPAddress Address, int Port)
{
    /// <summary>A packet whose remaining length is over this is not read: the connection is closed. Payloads
    /// between the contract's 16 KiB and this still get a <c>too-large</c> reject.</summary>
    public int MaxPacketBytes { get; init; } = 64 * 1024;

    /// <summary>The same for CONNECT, which arrives before the client is known: a gate's is a few hundred bytes.</summary>
    public int MaxConnectBytes { get; init; } = 8 * 1024;

    /// <summary>A connection that has not sent CONNECT within this is closed (<c>OPS_MQTT_CONNECT_TIMEOUT_SECONDS</c>).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Simultaneous connections one gate may hold (a reconnect with the same client id replaces its
    /// connection and does not count twice).</summary>
    public int MaxConnectionsPerGate { get; init; } = 4;

    public int MaxConnections { get; init; } = 10_000;

    /// <summary>Connections one remote address may hold open before sending CONNECT.</summary>
    public int MaxWaitingPerSource { get; init; } = 64;
}
