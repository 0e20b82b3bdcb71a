using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Reads the rows of an archive file: CSV (UTF-8, comma separated, RFC 4180 quoting) or the first
/// sheet of an .xlsx workbook. Rows are numbered as the file shows them, the header being row 1; blank
/// rows are passed over. A row that cannot be read comes back with its problem, for the import to report.</summary>
public static class ArchiveReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ArchiveFormatException">The file is not UTF-8 text or its header is wrong.</exception>
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
        // so that the numbers are those a spreadsheet shows for the file.
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            SkipEmptyLines = false,
            OnMalformedRecord = record => malformed.TryAdd(record.RecordNumber, record.Reason),
        };
        using var reader = CsvReader.Create(bytes, options);
        var header = ArchiveHeader.Parse(reader.Headers);
        var rows = new List<ArchiveRow>();
        while (reader.Read())
        {
            var number = checked((int)reader.RowNumber + 1);
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = SpreadsheetFormulas.Unprotect(reader.GetString(i) ?? "");
            if (cells.All(string.IsNullOrWhiteSpace))
                continue;
            rows.Add(malformed.TryGetValue(number, out var reason)
                ? ArchiveRow.Unreadable(number, $"has malformed quoting ({reason})")
                : header.Arrange(number, cells));
        }
        return rows;
    }

    /// <exception cref="ArchiveFormatException">The file is not a workbook or the header of its first sheet is wrong.</exception>
    public static IReadOnlyList<ArchiveRow> ReadXlsx(byte[] bytes)
    {
        using var workbook = OpenWorkbook(bytes);
        if (workbook.Worksheets.Count == 0)
            throw new ArchiveFormatException("file", "has no sheet");
        var sheet = workbook.Worksheet(1);
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        var header = ArchiveHeader.Parse([.. Enumerable.Range(1, lastColumn).Select(column => Text(sheet.Cell(1, column)))]);
        var rows = new List<ArchiveRow>();
        for (var number = 2; number <= lastRow; number++)
        {
            var cells = Enumerable.Range(1, lastColumn).Select(column => Text(sheet.Cell(number, column))).ToList();
            if (!cells.All(string.IsNullOrWhiteSpace))
                rows.Add(header.Arrange(number, cells));
        }
        return rows;
    }

    /// <summary>Whether the bytes start as a zip archive does, as every .xlsx file does.</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    private static XLWorkbook OpenWorkbook(byte[] bytes)
    {
        if (!IsZip(bytes))
            throw new ArchiveFormatException("file", "is not an .xlsx workbook");
        try
        {
            return new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new ArchiveFormatException("file", "is not a readable .xlsx workbook");
        }
    }

    /// <summary>A cell as text. Spreadsheets turn typed values into numbers, dates and booleans; they are
    /// written back the way the archive spells them (13800138000, 1950-03-04, true).</summary>
    private static string Text(IXLCell cell) => (cell.HasFormula ? cell.CachedValue : cell.Value) switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };
}
