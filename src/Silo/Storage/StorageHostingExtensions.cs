using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Ops.Silo.Storage;

public static class StorageHostingExtensions
{
    /// <summary>The hub's storage on <paramref name="dialect"/>: the <see cref="StateStore"/> (for grains that keep
    /// logs) and Orleans grain persistence on it under <see cref="GrainStorage.Name"/>. The schema is applied
    /// here, before the silo starts; the writer starts with the silo's runtime and stops after every grain has
    /// been deactivated, committing what they wrote last.</summary>
    public static ISiloBuilder AddOpsStorage(this ISiloBuilder silo, StoreDialect dialect, StateStoreOptions? options = null)
    {
        dialect.ApplySchema();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(services => new StateStore(dialect, options ?? new StateStoreOptions(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<StateStore>>()));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StoreLifecycle>();
        silo.Services.AddGrainStorage(GrainStorage.Name, (services, _) => new GroupCommitGrainStorage(
            services.GetRequiredService<StateStore>(),
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        return silo;
    }

    /// <summary>Starts the writer first and stops it last: grains deactivated at shutdown still write their state.</summary>
    private sealed class StoreLifecycle(StateStore store) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
            nameof(StateStore), ServiceLifecycleStage.First,
            _ => { store.Start(); return Task.CompletedTask; },
            _ => store.StopAsync());
    }
}
