using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ops.Contracts.Sites;

namespace Ops.Dashboard.Health;

/// <summary>The silo is reachable: a grain answers through the cluster.</summary>
public sealed class ClusterCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cluster.GetGrain<ISiteDirectoryGrain>(0).ListAsync().WaitAsync(ReadyChecks.Timeout, cancellationToken);
            return HealthCheckResult.Healthy("A grain answers through the cluster.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"The silo does not answer ({exception.GetType().Name}).");
        }
    }
}
