using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Ops.Silo.Gates;
using Ops.Silo.Hosting;
using Ops.Silo.Storage;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Ops.Silo.Tests;

/// <summary>One in-process silo with the hub's real storage on a SQLite file of its own, started once for every grain test.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Shorter than Orleans' 30 s default so that a deadlock fails its test quickly.</summary>
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    private InProcessTestCluster? cluster;
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"ops-silo-tests-{Guid.NewGuid():N}");

    private InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddOpsStorage(new SqliteDialect(Path.Combine(directory, "ops.db")))
                .AddOpsIdleCollection()
                .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
            silo.Services.AddSingleton(new GateSecretHasher(RandomNumberGenerator.GetBytes(GateSecretHasher.KeyBytes)));
        });
        builder.ConfigureClient(client => client
            .Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout));
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    /// <summary>The silo's grain storage, for tests that look at what a grain stored or put there what an
    /// older version of the hub stored.</summary>
    public StateStore Store => Cluster.Silos[0].ServiceProvider.GetRequiredService<StateStore>();

    public IGrainStorage Storage => Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <summary>Deactivates a grain the way idle collection or a silo restart would; its stored state stays.</summary>
    public Task DeactivateAsync(IAddressable grain) => Cluster.DeactivateAsync(grain);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
            await cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
