using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>HTTP clients that reach the hub from another loopback address (127.0.0.2 and up are local
/// on Linux), so a test can stand for a different source address than the rest of the suite.</summary>
public static class LoopbackSource
{
    public static HttpClient Http(Hub hub, string sourceAddress, string? token = null)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
