using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Silo.Gates;
using Ops.Silo.Storage;

namespace Ops.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>A single-node silo on localhost clustering whose state lives in the embedded SQLite file (or in PostgreSQL, see <see cref="HubEnvironment.Database"/>).</summary>
    public static IHostApplicationBuilder AddOpsSilo(this IHostApplicationBuilder builder)
    {
        var environment = HubEnvironment.From(builder.Configuration);

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(environment.SiloPort, environment.OrleansGatewayPort,
                serviceId: HubEnvironment.ServiceId, clusterId: HubEnvironment.ClusterId);
            silo.AddOpsStorage(environment.Database());
            silo.AddOpsIdleCollection();
            silo.AddStartupTask((services, cancellationToken) =>
            {
                // In the background: the silo is up at once, and the sites wake while it serves.
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WakeOnStart));
                _ = WakeOnStart.WakeAllAsync(services.GetRequiredService<IGrainFactory>(), logger, CancellationToken.None);
                return Task.CompletedTask;
            });
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(new GateSecretHasher(GateSecretKey.LoadOrCreate(environment.DataDirectory)));
        return builder;
    }
}
