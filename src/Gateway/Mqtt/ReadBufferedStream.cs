namespace Ops.Gateway.Mqtt;

/// <summary>A connection's stream with its reads buffered and its writes passed straight on. MQTTnet reads
/// each packet in two or more calls (the fixed header, the rest of its length, then the body), and on a
/// bare socket every call is a system call of its own; here one read takes whatever the socket holds, up
/// to the buffer's size, and serves the packet's parts, and the packets that came with it, from memory.
/// Writes are not held back: MQTTnet never flushes, so a buffered write would wait for the next one.</summary>
public sealed class ReadBufferedStream(Stream inner, int bufferSize = ReadBufferedStream.DefaultBufferSize) : Stream
{
    /// <summary>Several gate events' worth: an event is a few hundred bytes.</summary>
    public const int DefaultBufferSize = 4096;

    private readonly byte[] buffer = new byte[bufferSize];
    private int start;
    private int end;

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty)
            return ValueTask.FromResult(0);
        if (start < end)
            return ValueTask.FromResult(Take(destination.Span));
        // A read at least as large as the buffer gains nothing from it (a large body): straight through.
        return destination.Length >= buffer.Length ? inner.ReadAsync(destination, cancellationToken) : FillAndTakeAsync(destination, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(destination.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] destination, int offset, int count) => Read(destination.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
            return 0;
        if (start == end)
        {
            if (destination.Length >= buffer.Length)
                return inner.Read(destination);
            // Emptied first: a read that throws leaves nothing stale behind.
            start = end = 0;
            end = inner.Read(buffer);
        }
        return Take(destination);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(source, cancellationToken);

    public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(source, offset, count, cancellationToken);

    public override void Write(byte[] source, int offset, int count) => inner.Write(source, offset, count);

    public override void Write(ReadOnlySpan<byte> source) => inner.Write(source);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    private async ValueTask<int> FillAndTakeAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        start = end = 0;
        end = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Take(destination.Span);
    }

    private int Take(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, end - start);
        buffer.AsSpan(start, count).CopyTo(destination);
        start += count;
        return count;
    }
}
