namespace Ops.Dashboard.Residents.Archive;

/// <summary>A stream of an inflated zip entry that counts what it gives out and refuses to give more than
/// <c>limit</c> bytes: a zip may declare a small size and inflate to gigabytes. It also refuses a run of
/// more than <see cref="ArchiveLimits.MaxXmlTokenBytes"/> bytes without a <c>&lt;</c>: an XML reader holds a
/// whole name or attribute value in memory, so no token may be longer than that (text is read in chunks,
/// but no valid cell comes near it either).</summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string part) : Stream
{
    private long read;
    private long sinceMarkup;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Never ask for more than one byte past the limit, so that going over it costs nothing.
        var wanted = (int)Math.Min(buffer.Length, limit - read + 1);
        var count = inner.Read(buffer[..wanted]);
        read += count;
        if (read > limit)
            throw new ArchiveFormatException("file", $"unzips to more than {limit} bytes in its part {part}");
        CheckRun(buffer[..count]);
        return count;
    }

    private void CheckRun(ReadOnlySpan<byte> chunk)
    {
        var first = chunk.IndexOf((byte)'<');
        if (first < 0)
        {
            sinceMarkup += chunk.Length;
        }
        else
        {
            // Runs within one chunk are shorter than the chunk; only a run across chunks can be long.
            sinceMarkup += first;
            if (sinceMarkup <= ArchiveLimits.MaxXmlTokenBytes)
                sinceMarkup = chunk.Length - 1 - chunk.LastIndexOf((byte)'<');
        }
        if (sinceMarkup > ArchiveLimits.MaxXmlTokenBytes)
            throw new ArchiveFormatException("file", $"has a cell or tag of more than {ArchiveLimits.MaxXmlTokenBytes / 1024} KiB in its part {part}");
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
