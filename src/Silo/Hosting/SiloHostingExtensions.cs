using Microsoft.Extensions.Hosting;
using Ops.Silo.Storage;

namespace Ops.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>A single-node silo on localhost clustering whose grain state lives in the embedded SQLite file.</summary>
    public static IHostApplicationBuilder AddOpsSilo(this IHostApplicationBuilder builder)
    {
        var environment = HubEnvironment.From(builder.Configuration);
        var connectionString = SqliteSchema.Apply(environment.DatabasePath);

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(environment.SiloPort, environment.OrleansGatewayPort,
                serviceId: HubEnvironment.ServiceId, clusterId: HubEnvironment.ClusterId);
            silo.AddAdoNetGrainStorage(GrainStorage.Name, options =>
            {
                options.Invariant = SqliteSchema.Invariant;
                options.ConnectionString = connectionString;
            });
        });
        return builder;
    }
}
