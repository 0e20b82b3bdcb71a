using System.Text;
using CsvHelper;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Reads the rows of an archive file: CSV (UTF-8, comma separated, RFC 4180 quoting) or the first
/// sheet of an .xlsx workbook. Rows are numbered as the file shows them, the header being row 1; blank
/// rows are passed over. A row that cannot be read comes back with its problem, for the import to report.
/// Both formats are read as a stream of records within <see cref="ArchiveLimits"/>: a file over a limit is
/// refused as soon as the limit is reached, before the memory it would take is spent.</summary>
public static class ArchiveReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ArchiveFormatException">The file is not UTF-8 text, its header is wrong or it is over a limit.</exception>
    public static IReadOnlyList<ArchiveRow> ReadCsv(byte[] bytes)
    {
        if (IsZip(bytes))
            throw new ArchiveFormatException("file", $"is a workbook, not CSV text: send it as {ArchiveFormats.XlsxMediaType}");
        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ArchiveFormatException("file", "is not UTF-8 text: save it as CSV in UTF-8");
        }

        // Record numbers here count the header, as row numbers do. Empty lines are read as (blank) rows
        // so that the numbers are those a spreadsheet shows for the file. A stream (not the array) makes
        // the reader check the size of each record before it grows its buffer for it.
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            SkipEmptyLines = false,
            MaxRecordSize = ArchiveLimits.MaxCsvRecordBytes,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = record => malformed.TryAdd(record.RecordNumber, record.Reason),
        };
        var rows = new List<ArchiveRow>();
        using var reader = CsvReader.Create(new MemoryStream(bytes, writable: false), options, leaveOpen: false);
        ArchiveHeader header;
        try
        {
            header = ArchiveHeader.Parse(reader.Headers);
        }
        catch (CsvFormatException)
        {
            throw new ArchiveFormatException("header", $"row is longer than {ArchiveLimits.MaxCsvRecordBytes / 1024} KiB: it names only the columns {string.Join(",", ArchiveColumns.All)}");
        }
        var number = 1;
        try
        {
            while (reader.Read())
            {
                number = checked((int)reader.RowNumber + 1);
                var problem = malformed.Remove(number, out var reason) ? $"has malformed quoting ({reason})" : null;
                if (reader.FieldCount > ArchiveLimits.MaxColumns)
                {
                    Add(rows, ArchiveRow.Unreadable(number, $"has {reader.FieldCount} cells, more than {ArchiveLimits.MaxColumns}"));
                    continue;
                }
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                    cells[i] = SpreadsheetFormulas.Unprotect(Bounded(reader.GetString(i) ?? ""));
                if (cells.All(string.IsNullOrWhiteSpace))
                    continue;
                Add(rows, problem is not null ? ArchiveRow.Unreadable(number, problem) : header.Arrange(number, cells));
            }
        }
        catch (CsvFormatException)
        {
            throw new ArchiveFormatException("file", $"has a row longer than {ArchiveLimits.MaxCsvRecordBytes / 1024} KiB after row {number}");
        }
        return rows;
    }

    /// <exception cref="ArchiveFormatException">The file is not a workbook, the header of its first sheet is
    /// wrong or it is over a limit.</exception>
    public static IReadOnlyList<ArchiveRow> ReadXlsx(byte[] bytes) => XlsxReader.Read(bytes);

    /// <summary>Whether the bytes start as a zip archive does, as every .xlsx file does.</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Adds a data row, refusing the file once it has more than <see cref="ArchiveLimits.MaxRows"/>.</summary>
    internal static void Add(List<ArchiveRow> rows, ArchiveRow row)
    {
        if (rows.Count >= ArchiveLimits.MaxRows)
            throw new ArchiveFormatException("file", $"has more than {ArchiveLimits.MaxRows} rows: split it into several files");
        rows.Add(row);
    }

    /// <summary>A cell kept only as far as needed to tell that it is too long and to quote its start.</summary>
    private static string Bounded(string cell) => cell.Length > ArchiveLimits.MaxCellLength + 1 ? cell[..(ArchiveLimits.MaxCellLength + 1)] : cell;
}
