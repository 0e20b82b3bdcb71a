using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Gateway.Mqtt;
using Ops.Observability;

namespace Ops.Gateway.Hosting;

public static class GatewayHostingExtensions
{
    /// <summary>The gateway: an Orleans client of the silo and the embedded MQTT broker the gates connect to.</summary>
    public static IHostApplicationBuilder AddOpsGateway(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var orleansGatewayPort = configuration.GetValue("OPS_ORLEANS_GATEWAY_PORT", 30000);
        builder.AddOpsTelemetry("ops-gateway");
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(orleansGatewayPort, serviceId: "ops", clusterId: "ops");
            client.UseConnectionRetryFilter(RetryUntilTheSiloIsUp);
            // A gate message's trace goes on into the grains it calls.
            if (TelemetrySettings.From(builder.Configuration).Tracing)
                client.AddActivityPropagation();
        });

        var brokerSettings = new BrokerSettings(
            IPAddress.Parse(configuration["OPS_MQTT_BIND"] ?? "127.0.0.1"),
            configuration.GetValue("OPS_MQTT_PORT", 1883))
        {
            ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("OPS_MQTT_CONNECT_TIMEOUT_SECONDS", 10))),
        };
        builder.Services.AddSingleton(brokerSettings);
        builder.Services.AddSingleton(new ConnectionAdmission(brokerSettings.MaxConnections, brokerSettings.MaxWaitingPerSource));
        builder.Services.AddSingleton<GateListener>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GatewayMetrics>());
        builder.Services.AddSingleton<GateMessageHandler>();
        builder.Services.AddSingleton<GateLogins>();
        builder.Services.AddSingleton<GateBroker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GateBroker>());
        builder.Services.AddHostedService<GateCommandSender>();
        return builder;
    }

    private static async Task<bool> RetryUntilTheSiloIsUp(Exception exception, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }
}
