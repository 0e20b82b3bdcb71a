using System.Net;
using System.Net.Sockets;
using Ops.Gateway.Mqtt;

namespace Ops.Gateway.Tests.Mqtt;

public sealed class ReadBufferedStreamTests
{
    /// <summary>A stream over bytes that counts the reads it was asked for.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            return base.Read(buffer);
        }
    }

    [Fact]
    public async Task Small_packets_that_arrived_together_are_read_with_one_read_of_the_connection()
    {
        // Three PUBACK-sized packets (a type byte, a length byte, two bytes of body), read the way MQTTnet
        // reads: the fixed header, then the body.
        var wire = Enumerable.Range(0, 3).SelectMany(i => new byte[] { 0x40, 0x02, 0x00, (byte)(i + 1) }).ToArray();
        var inner = new CountingStream(wire);
        var stream = new ReadBufferedStream(inner);
        var read = new List<byte>();
        for (var packet = 0; packet < 3; packet++)
        {
            var header = new byte[2];
            Assert.Equal(2, await stream.ReadAsync(header));
            var body = new byte[header[1]];
            Assert.Equal(body.Length, await stream.ReadAsync(body));
            read.AddRange(header.Concat(body));
        }
        Assert.Equal(wire, read);
        Assert.Equal(1, inner.Reads);
        Assert.Equal(0, await stream.ReadAsync(new byte[2]));
    }

    [Fact]
    public async Task Any_mix_of_read_sizes_returns_the_bytes_in_order_and_then_the_end()
    {
        var wire = new byte[3 * ReadBufferedStream.DefaultBufferSize + 123];
        new Random(7).NextBytes(wire);
        foreach (var size in new[] { 1, 2, 5, 100, ReadBufferedStream.DefaultBufferSize - 1, ReadBufferedStream.DefaultBufferSize, 10_000 })
        {
            var stream = new ReadBufferedStream(new MemoryStream(wire));
            var read = new List<byte>();
            var chunk = new byte[size];
            // Alternate the asked-for size with a one-byte read, so that large reads also start with bytes buffered.
            for (var turn = 0; ; turn++)
            {
                var count = turn % 2 == 0 ? await stream.ReadAsync(chunk) : stream.Read(chunk, 0, 1);
                if (count == 0)
                    break;
                read.AddRange(chunk[..count]);
            }
            Assert.Equal(wire, read);
        }
    }

    /// <summary>A stream whose second read fails; the others hand out its bytes.</summary>
    private sealed class FailingSecondReadStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int reads;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (++reads == 2)
                throw new IOException("connection reset");
            // At most two bytes a read, so that the first read leaves the rest for the third.
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, 2)], cancellationToken);
        }
    }

    [Fact]
    public async Task A_read_that_fails_leaves_no_earlier_bytes_to_be_read_again()
    {
        var stream = new ReadBufferedStream(new FailingSecondReadStream([1, 2, 5, 6]));
        var read = new byte[2];
        Assert.Equal(2, await stream.ReadAsync(read));
        Assert.Equal(new byte[] { 1, 2 }, read);
        await Assert.ThrowsAsync<IOException>(async () => await stream.ReadExactlyAsync(new byte[2]));
        Assert.Equal(2, await stream.ReadAsync(read));
        Assert.Equal(new byte[] { 5, 6 }, read);
    }

    [Fact]
    public async Task Writes_reach_the_other_end_at_once_without_a_flush()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        await using var stream = new ReadBufferedStream(new NetworkStream(server.Client, ownsSocket: false));

        byte[] packet = [0x40, 0x02, 0x00, 0x01];
        await stream.WriteAsync(packet);
        var received = new byte[packet.Length];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.GetStream().ReadExactlyAsync(received, timeout.Token);
        Assert.Equal(packet, received);

        // And what the other end sends comes back through the buffer.
        await client.GetStream().WriteAsync(new byte[] { 1, 2, 3 }, timeout.Token);
        var back = new byte[3];
        await stream.ReadExactlyAsync(back, timeout.Token);
        Assert.Equal(new byte[] { 1, 2, 3 }, back);
    }
}
