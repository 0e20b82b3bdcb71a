using Ops.Contracts.Situations;
using Ops.Silo.Storage;
using Orleans.Serialization;

namespace Ops.Silo.Situations;

/// <summary>A site's month of situation records, appended to the store's log <see cref="LogName"/> at each
/// raise, acknowledgement and resolution: one small row each, however many the month already holds. A
/// listing reads the log and keeps each situation's newest record.</summary>
public sealed class SituationArchiveGrain(
    [PersistentState("situation-archive", GrainStorage.Name)] IPersistentState<SituationArchiveState> state,
    StateStore store,
    Serializer serializer)
    : Grain, ISituationArchiveGrain
{
    public const string LogName = "situation-archive";

    private long next;

    private string Month => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var newest = await store.ReadLogTailAsync(LogName, Month, 1);
        next = newest.Count > 0 ? newest[0].Sequence + 1 : 1;
    }

    public async Task RecordAsync(SituationRecord record) =>
        await store.AppendAsync(LogName, Month, next++, serializer.SerializeToArray(record));

    public async Task<IReadOnlyList<SituationRecord>> ListAsync()
    {
        // Records stored in the state by older versions come first; the log's are newer.
        var newest = new Dictionary<string, SituationRecord>(state.State.Records, StringComparer.Ordinal);
        foreach (var entry in await store.ReadLogFromAsync(LogName, Month, from: 0, count: int.MaxValue))
        {
            var record = serializer.Deserialize<SituationRecord>(entry.Payload)!;
            newest[record.Id] = record;
        }
        return [.. newest.Values];
    }
}
