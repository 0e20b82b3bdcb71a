using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>The archive file of an import request: a raw <c>text/csv</c> or .xlsx body, or the one file
/// of a <c>multipart/form-data</c> body.</summary>
public sealed record ArchiveUpload(ArchiveFormat Format, byte[] Bytes)
{
    /// <summary>Far more than the archive of the largest community. The file is held in memory while its rows
    /// are read as a stream (<see cref="ArchiveLimits"/> bound what reading it costs beyond that).</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static async Task<(ArchiveUpload? Upload, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
            return await ReadFormAsync(request, cancellationToken);
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType);
        if (ArchiveFormats.FromMediaType(mediaType?.MediaType.Value) is not { } format)
            return (null, Unsupported());
        var bytes = await ReadLimitedAsync(request.Body, cancellationToken);
        return bytes is null ? (null, TooLarge()) : (new ArchiveUpload(format, bytes), null);
    }

    private static async Task<(ArchiveUpload? Upload, ProblemHttpResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, TypedResults.Problem("The multipart/form-data body cannot be read.", statusCode: StatusCodes.Status400BadRequest));
        }
        if (form.Files.Count != 1)
            return (null, TypedResults.Problem($"The form must carry one file; it carries {form.Files.Count}.", statusCode: StatusCodes.Status400BadRequest));
        var file = form.Files[0];
        var format = ArchiveFormats.FromMediaType(file.ContentType) ?? ArchiveFormats.FromFileName(file.FileName);
        if (format is null)
            return (null, Unsupported());
        if (file.Length > MaxBytes)
            return (null, TooLarge());
        await using var stream = file.OpenReadStream();
        var bytes = await ReadLimitedAsync(stream, cancellationToken);
        return bytes is null ? (null, TooLarge()) : (new ArchiveUpload(format.Value, bytes), null);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult Unsupported() => TypedResults.Problem(
        $"Send the archive as {ArchiveFormats.CsvMediaType}, as {ArchiveFormats.XlsxMediaType}, or as multipart/form-data with one .csv or .xlsx file.",
        statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"The archive is larger than {MaxBytes / (1024 * 1024)} MiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
