using System.IO.Compression;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>The zip of an .xlsx workbook, opened only after the sizes its entries declare are checked
/// (each part, all together, and how much each inflates), and read through streams that count the
/// bytes they inflate, since the declared sizes may lie.</summary>
internal sealed class WorkbookZip : IDisposable
{
    private readonly ZipArchive zip;

    private WorkbookZip(ZipArchive zip) => this.zip = zip;

    /// <exception cref="ArchiveFormatException">Not a zip, or a zip over a limit.</exception>
    public static WorkbookZip Open(byte[] bytes)
    {
        if (!ArchiveReader.IsZip(bytes))
            throw new ArchiveFormatException("file", "is not an .xlsx workbook");
        if (DeclaredEntries(bytes) is > ArchiveLimits.MaxZipEntries)
            throw new ArchiveFormatException("file", $"has more than {ArchiveLimits.MaxZipEntries} parts");
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new ArchiveFormatException("file", "is not a readable .xlsx workbook");
        }
        try
        {
            Check(zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
        return new WorkbookZip(zip);
    }

    /// <summary>The number of entries the end of the zip's central directory declares, read before the
    /// directory itself is (its entries would be held in memory), or null when there is no such record.</summary>
    private static int? DeclaredEntries(ReadOnlySpan<byte> bytes)
    {
        // The record is 22 bytes and may be followed by a comment of up to 64 KiB.
        var tail = bytes[Math.Max(0, bytes.Length - 22 - ushort.MaxValue)..];
        var at = tail.LastIndexOf("PK\u0005\u0006"u8);
        return at >= 0 && at + 22 <= tail.Length ? BitConverter.ToUInt16(tail[(at + 10)..(at + 12)]) : null;
    }

    private static void Check(ZipArchive zip)
    {
        if (zip.Entries.Count > ArchiveLimits.MaxZipEntries)
            throw new ArchiveFormatException("file", $"has {zip.Entries.Count} parts, more than {ArchiveLimits.MaxZipEntries}");
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > ArchiveLimits.MaxPartBytes)
                throw new ArchiveFormatException("file", $"unzips to {entry.Length} bytes in its part {TextRules.Quote(entry.FullName)}, more than {ArchiveLimits.MaxPartBytes}");
            if (entry.Length > ArchiveLimits.RatioCheckedFrom && entry.Length > (long)ArchiveLimits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw new ArchiveFormatException("file", $"part {TextRules.Quote(entry.FullName)} unzips to more than {ArchiveLimits.MaxCompressionRatio} times its size");
            total += entry.Length;
            if (total > ArchiveLimits.MaxWorkbookBytes)
                throw new ArchiveFormatException("file", $"unzips to more than {ArchiveLimits.MaxWorkbookBytes} bytes");
        }
    }

    /// <summary>The part at a path (as in the zip, without a leading slash), or null when there is none;
    /// it gives out at most what its entry declares and at most <paramref name="limit"/> bytes.</summary>
    public Stream? OpenPart(string path, long limit)
    {
        var entry = zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
            return null;
        try
        {
            return new BoundedReadStream(entry.Open(), Math.Min(entry.Length, limit), TextRules.Quote(path));
        }
        catch (InvalidDataException)
        {
            throw new ArchiveFormatException("file", $"has a part that cannot be unzipped ({TextRules.Quote(path)})");
        }
    }

    public void Dispose() => zip.Dispose();
}
