namespace Ops.Gateway.Mqtt;

/// <summary>Follows MQTT's framing (a type byte, the remaining length as a variable byte integer, the
/// body) over a connection's bytes as they arrive, so that a packet over the limit is noticed from its
/// header, before anything allocates or reads its body. The first packet (CONNECT, from a client not yet
/// logged in) may have a lower limit than the rest.</summary>
public sealed class MqttFrameScanner(int maxRemainingLength, int maxFirstRemainingLength)
{
    private enum Part { Type, Length, Body }

    private Part part = Part.Type;
    private long length;
    private long multiplier = 1;
    private int lengthBytes;
    private long bodyLeft;
    private bool first = true;

    public MqttFrameScanner(int maxRemainingLength)
        : this(maxRemainingLength, maxRemainingLength)
    {
    }

    /// <summary>The remaining length the refused packet announced (at least this much when it was cut short).</summary>
    public long RefusedLength { get; private set; }

    public bool Refused { get; private set; }

    /// <summary>Scans the next bytes of the connection. Returns -1 when they are fine, or the offset in
    /// <paramref name="bytes"/> where the refused packet starts (0 when it started in earlier bytes): the
    /// bytes before it belong to packets within the limit.</summary>
    public int Scan(ReadOnlySpan<byte> bytes)
    {
        if (Refused)
            return 0;
        var packetStart = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            switch (part)
            {
                case Part.Type:
                    packetStart = i;
                    i++;
                    part = Part.Length;
                    length = 0;
                    multiplier = 1;
                    lengthBytes = 0;
                    break;
                case Part.Length:
                    var digit = bytes[i++];
                    length += (digit & 0x7F) * multiplier;
                    multiplier *= 128;
                    lengthBytes++;
                    // The length only grows with further digits, so it can be refused before it is complete;
                    // more than four digits is malformed whatever they say.
                    if (length > (first ? maxFirstRemainingLength : maxRemainingLength) || (lengthBytes == 4 && (digit & 0x80) != 0))
                        return Refuse(packetStart);
                    if ((digit & 0x80) == 0)
                    {
                        first = false;
                        bodyLeft = length;
                        part = bodyLeft == 0 ? Part.Type : Part.Body;
                    }
                    break;
                case Part.Body:
                    var take = (int)Math.Min(bodyLeft, bytes.Length - i);
                    i += take;
                    bodyLeft -= take;
                    if (bodyLeft == 0)
                        part = Part.Type;
                    break;
            }
        }
        return -1;
    }

    private int Refuse(int packetStart)
    {
        Refused = true;
        RefusedLength = length;
        return packetStart;
    }
}
