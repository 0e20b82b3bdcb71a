using Ops.Contracts.Parking;
using Ops.Silo.Storage;

namespace Ops.Silo.Parking;

public sealed class ParkingLotGrain(
    [PersistentState("parking-lot", GrainStorage.Name)] IPersistentState<ParkingLotState> state) : Grain, IParkingLotGrain
{
    public async Task<bool> TryAdmitAsync(string plate, int capacity)
    {
        if (state.State.TemporaryInside.Contains(plate))
            return true;
        if (state.State.TemporaryInside.Count >= capacity)
            return false;
        state.State.TemporaryInside.Add(plate);
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(string plate)
    {
        if (state.State.TemporaryInside.Remove(plate))
            await state.WriteStateAsync();
    }

    public Task<int> CountAsync() => Task.FromResult(state.State.TemporaryInside.Count);
}
