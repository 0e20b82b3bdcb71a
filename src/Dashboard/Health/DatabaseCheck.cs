using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ops.Contracts.Health;

namespace Ops.Dashboard.Health;

/// <summary>The hub's database is usable: a grain reads its state from grain storage.</summary>
public sealed class DatabaseCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cluster.GetGrain<IStorageProbeGrain>(0).ProbeAsync().WaitAsync(ReadyChecks.Timeout, cancellationToken);
            return HealthCheckResult.Healthy("Grain state reads from the database.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"Grain state could not be read from the database ({exception.GetType().Name}).");
        }
    }
}
