using Ops.Gateway.Mqtt;

namespace Ops.Gateway.Tests.Mqtt;

public sealed class MqttFrameScannerTests
{
    private const int Limit = 1000;

    /// <summary>A PUBLISH packet's fixed header with the given remaining length, and that many body bytes.</summary>
    private static byte[] Packet(int remainingLength, bool withBody = true)
    {
        var bytes = new List<byte> { 0x32 };
        var length = remainingLength;
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            bytes.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        if (withBody)
            bytes.AddRange(new byte[remainingLength]);
        return [.. bytes];
    }

    [Fact]
    public void Packets_within_the_limit_pass_however_the_bytes_are_split()
    {
        var stream = Packet(0).Concat(Packet(10)).Concat(Packet(Limit)).Concat(Packet(200)).ToArray();
        foreach (var chunk in new[] { 1, 2, 3, 7, 128, stream.Length })
        {
            var scanner = new MqttFrameScanner(Limit);
            foreach (var part in stream.Chunk(chunk))
                Assert.Equal(-1, scanner.Scan(part));
            Assert.False(scanner.Refused);
        }
    }

    [Fact]
    public void A_packet_over_the_limit_is_refused_from_its_header_where_it_starts()
    {
        var small = Packet(10);
        var stream = small.Concat(Packet(64 * 1024 * 1024, withBody: false)).ToArray();
        var scanner = new MqttFrameScanner(Limit);

        Assert.Equal(small.Length, scanner.Scan(stream));
        Assert.True(scanner.Refused);
        Assert.Equal(64 * 1024 * 1024, scanner.RefusedLength);
        Assert.Equal(0, scanner.Scan(Packet(1)));
    }

    [Fact]
    public void A_length_is_refused_as_soon_as_its_first_digits_are_over_the_limit()
    {
        var scanner = new MqttFrameScanner(Limit);
        // A first digit of 127 with "more follows" is not yet over; the second makes it at least 16,383 before any third.
        Assert.Equal(-1, scanner.Scan(new byte[] { 0x32, 0xFF }));
        Assert.Equal(0, scanner.Scan(new byte[] { 0xFF }));
        Assert.True(scanner.RefusedLength > Limit);
    }

    [Fact]
    public void A_length_of_more_than_four_digits_is_refused()
    {
        var scanner = new MqttFrameScanner(int.MaxValue);
        Assert.Equal(0, scanner.Scan(new byte[] { 0x32, 0x80, 0x80, 0x80, 0x80, 0x01 }));
    }

    [Fact]
    public void The_limit_itself_is_allowed_one_more_byte_is_not()
    {
        Assert.Equal(-1, new MqttFrameScanner(Limit).Scan(Packet(Limit, withBody: false)));
        Assert.Equal(0, new MqttFrameScanner(Limit).Scan(Packet(Limit + 1, withBody: false)));
    }

    [Fact]
    public void The_first_packet_has_a_limit_of_its_own()
    {
        var scanner = new MqttFrameScanner(Limit, maxFirstRemainingLength: 100);
        Assert.Equal(0, scanner.Scan(Packet(101, withBody: false)));

        var afterConnect = new MqttFrameScanner(Limit, maxFirstRemainingLength: 100);
        Assert.Equal(-1, afterConnect.Scan(Packet(100).Concat(Packet(Limit)).ToArray()));
    }
}
