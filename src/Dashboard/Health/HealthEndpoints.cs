using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Ops.Dashboard.Health;

public static class HealthEndpoints
{
    public static WebApplication MapOpsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
