using System.Text;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>Bytes of MQTT 3.1.1 packets, for tests that must send what no well-behaved client would.</summary>
public static class RawMqtt
{
    /// <summary>A CONNECT with a username and password, clean session, keep-alive 60 s.</summary>
    public static byte[] Connect(string clientId, string username, string password)
    {
        var body = new List<byte>();
        body.AddRange(Text("MQTT"));
        body.Add(4);        // protocol level 3.1.1
        body.Add(0xC2);     // username, password, clean session
        body.AddRange([0, 60]);
        body.AddRange(Text(clientId));
        body.AddRange(Text(username));
        body.AddRange(Text(password));
        return [0x10, .. Length(body.Count), .. body];
    }

    /// <summary>A remaining length as MQTT's variable byte integer.</summary>
    public static byte[] Length(int length)
    {
        var bytes = new List<byte>();
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            bytes.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        return [.. bytes];
    }

    private static byte[] Text(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return [(byte)(bytes.Length >> 8), (byte)(bytes.Length & 0xFF), .. bytes];
    }
}
