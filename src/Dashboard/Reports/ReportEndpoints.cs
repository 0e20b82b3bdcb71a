using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ops.Contracts;
using Ops.Contracts.Reports;
using Ops.Contracts.Sites;
using Ops.Contracts.Situations;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Residents.Archive;
using Ops.Dashboard.Spreadsheets;

namespace Ops.Dashboard.Reports;

/// <summary>The reports of a site (docs/api.md "Reports", docs/reports.md): JSON by default, or a CSV or
/// .xlsx file with <c>?format=</c>.</summary>
public static class ReportEndpoints
{
    public static readonly ReportRange ResponseRange = new(30, 366);
    public static readonly ReportRange TrafficRange = new(7, 31);
    public static readonly ReportRange RevenueRange = new(30, 366);
    public static readonly ReportRange SituationsRange = new(84, 366);

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/sites/{siteId}/reports").RequireAuthorization(Policies.Operator);
        reports.MapGet("/response", ResponseAsync);
        reports.MapGet("/traffic", TrafficAsync);
        reports.MapGet("/revenue", RevenueAsync);
        reports.MapGet("/situations", SituationsAsync);
        return api;
    }

    private static Task<Results<Ok<ResponseStats>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ResponseAsync(
        string siteId, string? from, string? to, string? format, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time) =>
        ReportAsync(siteId, from, to, format, user, cluster, time, ResponseRange, "response",
            (reports, since, until) => reports.ResponseAsync(since, until),
            stats => Task.FromResult(ReportTables.Response(stats)), ReportTables.ResponseColumns);

    private static Task<Results<Ok<TrafficReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> TrafficAsync(
        string siteId, string? from, string? to, string? format, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time) =>
        ReportAsync(siteId, from, to, format, user, cluster, time, TrafficRange, "traffic",
            (reports, since, until) => reports.TrafficAsync(since, until),
            async report => ReportTables.Traffic(report, ReportTables.GateNames(await cluster.GetGrain<ISiteGrain>(siteId).ListGatesAsync())),
            ReportTables.TrafficColumns);

    private static Task<Results<Ok<RevenueReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> RevenueAsync(
        string siteId, string? from, string? to, string? format, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time) =>
        ReportAsync(siteId, from, to, format, user, cluster, time, RevenueRange, "revenue",
            (reports, since, until) => reports.RevenueAsync(since, until),
            report => Task.FromResult(ReportTables.Revenue(report)), ReportTables.RevenueColumns);

    private static Task<Results<Ok<SituationsReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> SituationsAsync(
        string siteId, string? from, string? to, string? format, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time) =>
        ReportAsync(siteId, from, to, format, user, cluster, time, SituationsRange, "situations",
            (reports, since, until) => reports.SituationsAsync(since, until),
            report => Task.FromResult(ReportTables.Situations(report)), ReportTables.SituationColumns);

    /// <summary>Checks the request (format, period, the caller's site), reads the report, and answers it as
    /// JSON or as a file named <c>{name}-{siteId}-{from}-{to}.{csv|xlsx}</c>.</summary>
    private static async Task<Results<Ok<T>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ReportAsync<T>(
        string siteId, string? from, string? to, string? format, ClaimsPrincipal user, IClusterClient cluster, TimeProvider time,
        ReportRange range, string name, Func<ISiteReportsGrain, DateOnly, DateOnly, Task<T>> read,
        Func<T, Task<IEnumerable<IReadOnlyList<object?>>>> rows, IReadOnlyList<TableColumn> columns)
    {
        var errors = new FieldErrors();
        var json = string.IsNullOrWhiteSpace(format) || format.Trim().Equals("json", StringComparison.OrdinalIgnoreCase);
        var fileFormat = json ? null : ArchiveFormats.FromName(format);
        errors.Check(json || fileFormat is not null, "format", "must be json, csv or xlsx");
        if (errors.Any)
            return Problem.Invalid(errors);
        if (!Identifiers.IsSiteId(siteId) || !user.MaySee(siteId)
            || await cluster.GetGrain<ISiteGrain>(siteId).GetConfigAsync() is not { } site)
            return Problem.NotFound($"There is no site '{siteId}' that you may see.");
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        if (range.Read(from, to, today, errors) is not var (since, until))
            return Problem.Invalid(errors);

        var report = await read(cluster.GetGrain<ISiteReportsGrain>(siteId), since, until);
        if (fileFormat is not { } file)
            return TypedResults.Ok(report);
        var table = await rows(report);
        var bytes = file == ArchiveFormat.Xlsx ? TableWriter.WriteXlsx(name, columns, table) : TableWriter.WriteCsv(columns, table);
        return TypedResults.File(bytes, ArchiveFormats.ContentType(file),
            $"{name}-{siteId}-{since:yyyy-MM-dd}-{until:yyyy-MM-dd}.{ArchiveFormats.Extension(file)}");
    }
}
