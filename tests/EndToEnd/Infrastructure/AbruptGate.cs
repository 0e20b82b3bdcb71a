using System.Net.Sockets;
using System.Text;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>A gate that logs in with a Last Will over a bare MQTT 3.1.1 socket and then loses its
/// connection without a DISCONNECT, as a gate does when its power or network fails.</summary>
public sealed class AbruptGate : IDisposable
{
    private readonly TcpClient tcp = new();

    public static async Task<AbruptGate> ConnectAsync(int port, string siteId, string gateId, string password)
    {
        var gate = new AbruptGate();
        await gate.tcp.ConnectAsync("127.0.0.1", port);
        var stream = gate.tcp.GetStream();
        await stream.WriteAsync(ConnectPacket($"abrupt-{Guid.NewGuid():N}", $"ops/v1/{siteId}/gates/{gateId}/status",
            """{"online":false}""", $"{siteId}/{gateId}", password));
        var connack = new byte[4];
        await stream.ReadExactlyAsync(connack);
        if (connack[0] != 0x20 || connack[3] != 0)
            throw new InvalidOperationException($"CONNACK refused the gate: return code {connack[3]}");
        return gate;
    }

    /// <summary>Resets the TCP connection: no DISCONNECT, so the broker publishes the Last Will.</summary>
    public void Drop()
    {
        tcp.Client.LingerState = new LingerOption(true, 0);
        tcp.Client.Close();
    }

    public void Dispose() => tcp.Dispose();

    private static byte[] ConnectPacket(string clientId, string willTopic, string willMessage, string username, string password)
    {
        var body = new List<byte>();
        body.AddRange(Text("MQTT"));
        body.Add(4);        // protocol level 3.1.1
        body.Add(0xCE);     // username, password, will QoS 1, will flag, clean session
        body.AddRange([0, 60]);
        body.AddRange(Text(clientId));
        body.AddRange(Text(willTopic));
        body.AddRange(Text(willMessage));
        body.AddRange(Text(username));
        body.AddRange(Text(password));

        var packet = new List<byte> { 0x10 };
        for (var length = body.Count; ; )
        {
            var digit = (byte)(length % 128);
            length /= 128;
            packet.Add(length > 0 ? (byte)(digit | 0x80) : digit);
            if (length == 0)
                break;
        }
        packet.AddRange(body);
        return [.. packet];
    }

    private static byte[] Text(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return [(byte)(bytes.Length >> 8), (byte)(bytes.Length & 0xFF), .. bytes];
    }
}
