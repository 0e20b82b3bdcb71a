using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace Ops.Gateway.Mqtt;

/// <summary>A connection's byte stream as MQTTnet reads it, cut off at the first packet whose header
/// announces more than the limit: MQTTnet would otherwise allocate and read the whole body first.
/// The reader sees the end of the stream instead, and the connection is closed. The first packet, the
/// CONNECT of a client not yet logged in, has a limit of its own.</summary>
public sealed class PacketSizeGuard(IMqttChannel inner, int maxPacketBytes, int maxConnectBytes) : IMqttChannel
{
    private readonly MqttFrameScanner scanner = new(maxPacketBytes, maxConnectBytes);

    public int MaxPacketBytes => maxPacketBytes;

    public int MaxConnectBytes => maxConnectBytes;

    /// <summary>The length the refused packet announced, once one was refused.</summary>
    public long? RefusedLength => scanner.Refused ? scanner.RefusedLength : null;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (scanner.Refused)
            return 0;
        var read = await inner.ReadAsync(buffer, offset, count, cancellationToken);
        var cut = scanner.Scan(buffer.AsSpan(offset, read));
        return cut < 0 ? read : cut;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public void Dispose() => inner.Dispose();
}
