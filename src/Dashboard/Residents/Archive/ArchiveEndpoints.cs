using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

        var plan = ImportPlanner.Plan(rows, await SiteResidents.LoadAsync(cluster, siteId));
        var outcomes = dryRun ? plan : await ApplyAsync(cluster, siteId, plan);
        var result = ImportResult.Of(outcomes, dryRun);
        loggers.CreateLogger(typeof(ArchiveEndpoints)).LogInformation(
            "Resident import at site {SiteId} by {User} (dry run {DryRun}): {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            siteId, user.Identity?.Name, dryRun, result.Created, result.Updated, result.Unchanged, result.Rejected.Count);
        return TypedResults.Ok(result);
    }

    /// <summary>Stores the planned residents in file order. The grains have the last word: a card or plate
    /// taken meanwhile by someone else turns a row into a rejected one.</summary>
    private static async Task<IReadOnlyList<RowOutcome>> ApplyAsync(IClusterClient cluster, string siteId, IReadOnlyList<RowOutcome> plan)
    {
        var outcomes = new List<RowOutcome>(plan.Count);
        foreach (var outcome in plan)
        {
            if (!outcome.Stores || outcome.Resident is not { } resident)
            {
                outcomes.Add(outcome);
                continue;
            }
            var saved = await cluster.GetGrain<IResidentGrain>($"{siteId}/{resident.ResidentId}").SaveAsync(resident);
            outcomes.Add(saved.Resident is null ? RowOutcome.Rejected(outcome.Row, ResidentConflict.Describe(saved)) : outcome);
        }
        return outcomes;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string siteId, ClaimsPrincipal user, IClusterClient cluster, string? format = null)
    {
        if (ArchiveFormats.FromName(format) is not { } archiveFormat)
            return Problem.Invalid(new FieldErrors().Check(false, "format", "must be csv or xlsx"));
        if (await SiteEndpoints.FindAsync(cluster, user, siteId) is { } missing)
            return missing;
        var residents = await SiteResidents.LoadAsync(cluster, siteId);
        var bytes = archiveFormat == ArchiveFormat.Xlsx ? ArchiveWriter.WriteXlsx(residents) : ArchiveWriter.WriteCsv(residents);
        return TypedResults.File(bytes, ArchiveFormats.ContentType(archiveFormat),
            $"residents-{siteId}.{ArchiveFormats.Extension(archiveFormat)}");
    }
}
