using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Ops.Gateway.Mqtt;

/// <summary>One TCP connection as the broker sees it. Keeps the CONNECT packet, which MQTTnet does not
/// show in full to connection validation (the Last Will's topic is only there), tells the admission when
/// the client has sent it, and reports a packet that <see cref="PacketSizeGuard"/> refused.</summary>
public sealed class GateChannel(
    MqttChannelAdapter inner, PacketSizeGuard guard, IPAddress source, ConnectionAdmission admission, ILogger logger)
    : IMqttChannelAdapter
{
    private int reported;

    public MqttConnectPacket? Connect { get; private set; }

    public IPAddress Source => source;

    public long BytesReceived => inner.BytesReceived;

    public long BytesSent => inner.BytesSent;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        var packet = await inner.ReceivePacketAsync(cancellationToken);
        if (packet is MqttConnectPacket connect && Connect is null)
        {
            Connect = connect;
            admission.Connected(source);
        }
        if (packet is null && guard.RefusedLength is { } length && Interlocked.Exchange(ref reported, 1) == 0)
        {
            logger.LogWarning("Closed the connection of {Client} from {Source}: a packet of {Length} bytes is over the limit of {Limit} bytes",
                Connect?.Username ?? "a client that has not logged in", source, length, Connect is null ? guard.MaxConnectBytes : guard.MaxPacketBytes);
        }
        return packet!;
    }

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

    public void ResetStatistics() => inner.ResetStatistics();

    public void Dispose() => inner.Dispose();
}
