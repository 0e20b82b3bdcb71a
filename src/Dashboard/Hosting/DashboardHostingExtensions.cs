using Ops.Observability;
using System.Text.Json.Serialization;
using Orleans.Dashboard;
using Ops.Dashboard.Admin;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Care;
using Ops.Dashboard.Demo;
using Ops.Dashboard.Feed;
using Ops.Dashboard.Health;
using Ops.Dashboard.Metrics;
using Ops.Dashboard.Parking;
using Ops.Dashboard.Problems;
using Ops.Dashboard.Reports;
using Ops.Dashboard.Requests;
using Ops.Dashboard.Residents;
using Ops.Dashboard.Residents.Archive;
using Ops.Dashboard.Sites;
using Ops.Dashboard.Situations;
using Ops.Dashboard.Users;

namespace Ops.Dashboard.Hosting;

public static class DashboardHostingExtensions
{
    public static WebApplicationBuilder AddOpsDashboard(this WebApplicationBuilder builder)
    {
        var settings = DashboardSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.WebHost.UseUrls($"http://{settings.HttpBind}:{settings.HttpPort}");

        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(settings.OrleansGatewayPort, serviceId: "ops", clusterId: "ops");
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
            // Calls to grains join the caller's trace; the Orleans Dashboard reads the silos' statistics.
            if (TelemetrySettings.From(builder.Configuration).Tracing)
                client.AddActivityPropagation();
            client.AddDashboard();
        });
        builder.AddOpsMetrics();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Ops hub";
            document.Info.Description = "The HTTP API of the Ops hub: roles, limits and live updates are in docs/api.md.";
            return Task.CompletedTask;
        }));

        // Nothing here is protected with ASP.NET data protection; its key-storage warning is noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        builder.AddOpsAuth(settings);
        builder.AddOpsFeed();
        builder.Services.AddSingleton<SituationDesk>();
        builder.Services.AddHealthChecks().AddOpsReadyChecks();
        builder.Services.AddHostedService<DemoAccount>();
        return builder;
    }

    public static WebApplication MapOpsDashboard(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ClientFiles.SetCaching });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpsHealth();
        app.MapOpsMetrics();
        app.MapOpenApi(AdminConsole.OpenApiPath + "/{documentName}.json").RequireAuthorization();
        app.MapOpsOrleansDashboard();
        app.MapConsolePages();
        var api = app.MapGroup("/api").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestBodyLimits.ApiBytes));
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapSiteEndpoints();
        api.MapGateEndpoints();
        api.MapResidentEndpoints();
        api.MapArchiveEndpoints();
        api.MapSituationEndpoints();
        api.MapShelfEndpoints();
        api.MapChecklistEndpoints();
        api.MapStatsEndpoints();
        api.MapReportEndpoints();
        api.MapRequestEndpoints();
        api.MapVehicleEndpoints();
        api.MapIncidentEndpoints();
        api.MapFeedEndpoints();
        api.MapAdminConsoleEndpoints();
        app.MapOpsFeed();
        return app;
    }
}
