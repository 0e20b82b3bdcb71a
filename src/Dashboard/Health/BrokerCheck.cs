using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ops.Dashboard.Hosting;

namespace Ops.Dashboard.Health;

/// <summary>The gateway's MQTT broker accepts connections.</summary>
public sealed class BrokerCheck(DashboardSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyChecks.Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(settings.MqttHost, settings.MqttPort, timeout.Token);
            return HealthCheckResult.Healthy("The MQTT broker accepts connections.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy(
                $"The MQTT broker does not accept connections ({exception.GetType().Name}).");
        }
    }
}
