using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ops.Contracts.Sites;
using Ops.Dashboard.Hosting;

namespace Ops.Dashboard.Health;

/// <summary>Ready when a grain answers through the cluster and the MQTT broker accepts connections.</summary>
public sealed class ReadinessCheck(IClusterClient cluster, DashboardSettings settings) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await cluster.GetGrain<ISiteDirectoryGrain>(0).ListAsync().WaitAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster does not answer.", exception);
        }
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(settings.MqttHost, settings.MqttPort, timeout.Token);
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The MQTT broker does not accept connections.", exception);
        }
        return HealthCheckResult.Healthy();
    }
}
