using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Ops.Dashboard.Health;

public static class HealthEndpoints
{
    public static WebApplication MapOpsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // 200 when every part is usable, 503 otherwise; the body names each part and its state.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyChecks.Tag),
            ResponseWriter = ReadyChecks.WriteAsync,
        });
        return app;
    }
}
