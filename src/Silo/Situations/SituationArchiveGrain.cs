using Ops.Contracts.Situations;
using Ops.Silo.Storage;

namespace Ops.Silo.Situations;

public sealed class SituationArchiveGrain(
    [PersistentState("situation-archive", GrainStorage.Name)] IPersistentState<SituationArchiveState> state)
    : Grain, ISituationArchiveGrain
{
    public async Task RecordAsync(SituationRecord record)
    {
        state.State.Records[record.Id] = record;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SituationRecord>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SituationRecord>>([.. state.State.Records.Values]);
}
