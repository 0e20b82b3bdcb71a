using Orleans.Configuration;

namespace Ops.Silo.Hosting;

/// <summary>How soon Orleans puts idle grains back to storage. It looks for them every <see cref="Quantum"/>
/// instead of its default minute, so that a grain type may set an idle time under a minute: cards and plates,
/// which only saves and refusals reach, go after half a minute (<see cref="Residents.CardGrain"/>). An import or
/// a provisioning run of 100,000 residents touches 100,000 cards, and each idle grain holds about 3 KB.
/// Orleans requires every idle time to be longer than the quantum.</summary>
public static class IdleCollection
{
    public static readonly TimeSpan Quantum = TimeSpan.FromSeconds(15);

    public static ISiloBuilder AddOpsIdleCollection(this ISiloBuilder silo) =>
        silo.Configure<GrainCollectionOptions>(options => options.CollectionQuantum = Quantum);
}
