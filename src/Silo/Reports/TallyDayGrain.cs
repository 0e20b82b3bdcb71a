using Ops.Contracts.Reports;
using Ops.Silo.Storage;

namespace Ops.Silo.Reports;

public sealed class TallyDayGrain(
    [PersistentState("tally-day", GrainStorage.Name)] IPersistentState<DayCounts> state) : Grain, ITallyDayGrain
{
    private DateOnly Date => TallyDay.DateOf(this.GetPrimaryKeyString());

    public async Task AddAsync(DayTally increment)
    {
        state.State.Add(increment);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The sender keeps the increment and sends it again: start again from what is stored, so it counts once.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<DayTally> GetAsync() => Task.FromResult(state.State.ToTally(Date));
}
