using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Ops.Gateway.Mqtt;

/// <summary>The broker's TCP endpoint, in place of MQTTnet's own, which reads every packet whole whatever
/// its size: each connection is admitted against <see cref="ConnectionAdmission"/> and read through a
/// <see cref="PacketSizeGuard"/> over a <see cref="ReadBufferedStream"/>, and reaches the broker as a
/// <see cref="GateChannel"/>.</summary>
public sealed class GateListener(BrokerSettings settings, ConnectionAdmission admission, ILogger<GateListener> logger)
    : IMqttServerAdapter
{
    private readonly CancellationTokenSource stopping = new();
    private Socket? listener;
    private int refusalsLogged;
    private int disposed;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger mqttLogger)
    {
        var socket = new Socket(settings.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // A restart binds again at once, whatever connections of the last run linger in TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(settings.Address, settings.Port));
            socket.Listen(options.DefaultEndpointOptions.ConnectionBacklog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        listener = socket;
        _ = Task.Run(() => AcceptAsync(socket, options, mqttLogger));
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        if (Volatile.Read(ref disposed) == 0)
            stopping.Cancel();
        listener?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Both the broker and the host's container dispose the listener: the second time does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        stopping.Cancel();
        listener?.Dispose();
        stopping.Dispose();
    }

    private async Task AcceptAsync(Socket socket, MqttServerOptions options, IMqttNetLogger mqttLogger)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                logger.LogWarning("Could not accept an MQTT connection: {Error}", exception.SocketErrorCode);
                await Task.Delay(TimeSpan.FromMilliseconds(100));
                continue;
            }
            _ = Task.Run(() => ServeAsync(client, options, mqttLogger));
        }
    }

    private async Task ServeAsync(Socket socket, MqttServerOptions options, IMqttNetLogger mqttLogger)
    {
        var source = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (!admission.TryOpen(source))
        {
            // One line per burst is enough to show it happens; a flood must not flood the log.
            if (Interlocked.Increment(ref refusalsLogged) % 100 == 1)
                logger.LogWarning("Refused a connection from {Source}: the broker's connection limits are reached ({Open} open)", source, admission.Open);
            socket.Dispose();
            return;
        }
        GateChannel? channel = null;
        try
        {
            socket.NoDelay = true;
            var stream = new ReadBufferedStream(new NetworkStream(socket, ownsSocket: true));
            var guard = new PacketSizeGuard(new MqttTcpChannel(stream, socket.LocalEndPoint, socket.RemoteEndPoint, null),
                settings.MaxPacketBytes, settings.MaxConnectBytes);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
            var adapter = new MqttChannelAdapter(guard, formatter, mqttLogger)
            {
                AllowPacketFragmentation = options.DefaultEndpointOptions.AllowPacketFragmentation,
            };
            channel = new GateChannel(adapter, guard, source, admission, logger);
            if (ClientHandler is { } handler)
                await handler(channel);
        }
        catch (Exception exception)
        {
            logger.LogDebug("An MQTT connection from {Source} ended with {Error}", source, exception.GetType().Name);
        }
        finally
        {
            admission.Closed(source, channel?.Connect is not null);
            channel?.Dispose();
            socket.Dispose();
        }
    }
}
