using Ops.Contracts.Health;
using Ops.Silo.Storage;
using Orleans.Concurrency;

namespace Ops.Silo.Health;

/// <summary>Reads its (empty) state from grain storage on every probe: the same path every grain's state takes.</summary>
[Reentrant]
public sealed class StorageProbeGrain(
    [PersistentState("storage-probe", GrainStorage.Name)] IPersistentState<StorageProbeState> state)
    : Grain, IStorageProbeGrain
{
    public Task ProbeAsync() => state.ReadStateAsync();
}
