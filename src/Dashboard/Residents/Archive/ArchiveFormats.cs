namespace Ops.Dashboard.Residents.Archive;

/// <summary>The media types and file names of the two archive formats.</summary>
public static class ArchiveFormats
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The format a media type or a file name names, or null.</summary>
    public static ArchiveFormat? FromMediaType(string? mediaType) => mediaType?.Trim().ToLowerInvariant() switch
    {
        CsvMediaType or "application/csv" => ArchiveFormat.Csv,
        XlsxMediaType => ArchiveFormat.Xlsx,
        _ => null,
    };

    public static ArchiveFormat? FromFileName(string? fileName) => Path.GetExtension(fileName)?.ToLowerInvariant() switch
    {
        ".csv" => ArchiveFormat.Csv,
        ".xlsx" => ArchiveFormat.Xlsx,
        _ => null,
    };

    /// <summary>The <c>format</c> of an export, csv when not given.</summary>
    public static ArchiveFormat? FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ArchiveFormat.Csv,
        "xlsx" => ArchiveFormat.Xlsx,
        _ => null,
    };

    public static string ContentType(ArchiveFormat format) =>
        format == ArchiveFormat.Xlsx ? XlsxMediaType : CsvMediaType + "; charset=utf-8";

    public static string Extension(ArchiveFormat format) => format == ArchiveFormat.Xlsx ? "xlsx" : "csv";
}
