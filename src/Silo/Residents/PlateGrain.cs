using Ops.Contracts.Residents;
using Ops.Silo.Storage;

namespace Ops.Silo.Residents;

/// <summary>The plate index of a site. Only saves reach it, so it goes back to storage soon (as <see cref="CardGrain"/>).</summary>
[CollectionAgeLimit(Minutes = 0.5)]
public sealed class PlateGrain(
    [PersistentState("plate", GrainStorage.Name)] IPersistentState<HolderState> state, TimeProvider time)
    : HolderIndexGrain(state, time), IPlateGrain
{
    protected override IReadOnlyList<string> ValuesOf(Resident resident) => resident.Plates;
}
