using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;
using Ops.Gateway.Mqtt;

namespace Ops.LoadGen;

/// <summary>Opens the generator's MQTT connections as MQTTnet would (TCP, Nagle off), optionally from a
/// given local address, with their reads buffered: MQTTnet's client reads a packet's header and body in
/// separate calls, each a system call on a bare socket, and the generator shares the machine's cores
/// with what it measures.</summary>
public sealed class BufferedConnections(IPAddress? source) : IMqttClientStreamProvider
{
    public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (source is not null)
                socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(brokerEndPoint, cancellationToken);
            return new ReadBufferedStream(new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
