using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Sites;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>The resident archive of a site (docs/api.md): import from and export to CSV and .xlsx.</summary>
public static class ArchiveEndpoints
{
    public static RouteGroupBuilder MapArchiveEndpoints(this RouteGroupBuilder api)
    {
        // The archive may be larger than any other body (the group's limit); multipart framing needs a little more.
        api.MapPost("/sites/{siteId}/residents/import", ImportAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new RequestSizeLimitAttribute(ArchiveUpload.MaxBytes + 64 * 1024));
        api.MapGet("/sites/{siteId}/residents/export", ExportAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string siteId, HttpRequest request, ClaimsPrincipal user, IClusterClient cluster, ILoggerFactory loggers,
        CancellationToken cancellationToken, bool dryRun = false)
    {
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var (upload, refused) = await ArchiveUpload.ReadAsync(request, cancellationToken);
        if (upload is null)
            return refused!;
        IReadOnlyList<ArchiveRow> rows;
        try
        {
            rows = upload.Format == ArchiveFormat.Xlsx ? ArchiveReader.ReadXlsx(upload.Bytes) : ArchiveReader.ReadCsv(upload.Bytes);
        }
        catch (ArchiveFormatException unreadable)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [unreadable.Field] = [.. unreadable.Problems] }, detail: unreadable.Message);
        }

        var stored = await ResidentDirectory.LoadAsync(cluster, siteId);
        var plan = ImportPlanner.Plan(rows, stored);
        var outcomes = dryRun ? plan : await new ImportApplier(resident =>
            cluster.Reference<IResidentGrain>($"{siteId}/{resident.ResidentId}").ImportAsync(resident)).ApplyAsync(plan, stored);
        var result = ImportResult.Of(outcomes, dryRun);
        loggers.CreateLogger(typeof(ArchiveEndpoints)).LogInformation(
            "Resident import at site {SiteId} by {User} (dry run {DryRun}): {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            siteId, user.Identity?.Name, dryRun, result.Created, result.Updated, result.Unchanged, result.Rejected.Count);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<PushStreamHttpResult, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster, CancellationToken cancellationToken, string? format = null)
    {
        if (ArchiveFormats.FromName(format) is not { } archiveFormat)
            return Problem.Invalid(new FieldErrors().Check(false, "format", "must be csv or xlsx"));
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var fileName = $"residents-{siteId}.{ArchiveFormats.Extension(archiveFormat)}";
        var contentType = ArchiveFormats.ContentType(archiveFormat);
        // CSV goes out as the directory's packs arrive; a workbook is a zip, written whole.
        if (archiveFormat == ArchiveFormat.Csv)
            return TypedResults.Stream(body => ArchiveWriter.WriteCsvAsync(body,
                ResidentDirectory.SearchAsync(cluster, siteId, null, cancellationToken), cancellationToken), contentType, fileName);
        return TypedResults.File(ArchiveWriter.WriteXlsx(await ResidentDirectory.LoadAsync(cluster, siteId, null, cancellationToken)),
            contentType, fileName);
    }
}
