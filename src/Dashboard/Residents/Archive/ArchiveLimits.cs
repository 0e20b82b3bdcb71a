namespace Ops.Dashboard.Residents.Archive;

/// <summary>How much of a file an import reads. Each limit is checked before the memory it guards is
/// spent, so the dashboard's memory stays bounded whatever the file (docs/limits.md).</summary>
public static class ArchiveLimits
{
    /// <summary>Data rows of one file (blank rows not counted); a larger site imports several files.</summary>
    public const int MaxRows = 20_000;

    /// <summary>Cells of a row and of the header: the 11 columns with room for empty or stray ones.</summary>
    public const int MaxColumns = 64;

    /// <summary>Characters of one cell: the longest valid cell (cards: 20 cards of 32 characters) with room.</summary>
    public const int MaxCellLength = 4_000;

    /// <summary>Characters of cell text in a file, counted as read (a workbook's shared text is counted each
    /// time a cell uses it). As much as the largest CSV file holds.</summary>
    public const long MaxTextCharacters = 10 * 1024 * 1024;

    /// <summary>Bytes of one CSV record (a line, or more with quoted line breaks).</summary>
    public const int MaxCsvRecordBytes = 256 * 1024;

    /// <summary>Uncompressed bytes of one part of a workbook (its sheet, shared strings or styles).</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>Uncompressed bytes of a workbook's shared strings, which are held in memory while reading.</summary>
    public const long MaxSharedStringsBytes = 16L * 1024 * 1024;

    /// <summary>Uncompressed bytes of all parts of a workbook together.</summary>
    public const long MaxWorkbookBytes = 128L * 1024 * 1024;

    /// <summary>How many times larger than its compressed form a part of more than
    /// <see cref="RatioCheckedFrom"/> bytes may be; spreadsheets compress about 5-20 times.</summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioCheckedFrom = 1024 * 1024;

    /// <summary>Bytes of a workbook's XML between two tags: a cell's text or one tag with its attributes.
    /// A spreadsheet cell holds at most 32,767 characters, well under this.</summary>
    public const int MaxXmlTokenBytes = 1024 * 1024;

    /// <summary>Entries of a workbook's zip.</summary>
    public const int MaxZipEntries = 1_000;

    /// <summary>Rejected rows listed in an import's answer; the rest are only counted.</summary>
    public const int MaxListedRejects = 100;

    /// <summary>Problems listed when a whole file is refused; the rest are only counted.</summary>
    public const int MaxListedProblems = 5;
}
