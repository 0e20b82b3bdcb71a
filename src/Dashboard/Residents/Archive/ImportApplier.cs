using Ops.Contracts;
using Ops.Contracts.Residents;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Stores a planned import with many residents saved at once (their writes then share the storage's
/// commits), yet with the answers of saving them one by one in file order: a row waits for every earlier row
/// that names one of its keys (its resident id, a card or plate it claims, or one its stored version held).
/// Rows with nothing in common cannot change each other's outcome.</summary>
public sealed class ImportApplier(Func<Resident, Task<ResidentSaved>> save, int concurrency = 256)
{
    public async Task<IReadOnlyList<RowOutcome>> ApplyAsync(IReadOnlyList<RowOutcome> plan, IEnumerable<Resident> stored)
    {
        var before = stored.ToDictionary(resident => resident.ResidentId, StringComparer.Ordinal);
        var lastByKey = new Dictionary<string, Task>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(concurrency);
        var rows = new Task<RowOutcome>[plan.Count];
        for (var i = 0; i < plan.Count; i++)
        {
            var outcome = plan[i];
            if (!outcome.Stores || outcome.Resident is not { } resident)
            {
                rows[i] = Task.FromResult(outcome);
                continue;
            }
            var keys = Keys(resident).Concat(before.TryGetValue(resident.ResidentId, out var old) ? Keys(old) : []).Distinct().ToList();
            var earlier = keys.Select(key => lastByKey.GetValueOrDefault(key)).OfType<Task>().ToList();
            var row = SaveAfterAsync(earlier, outcome, resident, slots);
            rows[i] = row;
            foreach (var key in keys)
                lastByKey[key] = row;
        }
        return await Task.WhenAll(rows);
    }

    private async Task<RowOutcome> SaveAfterAsync(List<Task> earlier, RowOutcome outcome, Resident resident, SemaphoreSlim slots)
    {
        // Earlier rows' failures are their own; this row only waits for them to finish.
        await Task.WhenAll(earlier).ContinueWith(_ => { }, TaskScheduler.Default);
        await slots.WaitAsync();
        try
        {
            var saved = await save(resident);
            return saved.Resident is null ? RowOutcome.Rejected(outcome.Row, ResidentConflict.Describe(saved)) : outcome;
        }
        finally
        {
            slots.Release();
        }
    }

    private static IEnumerable<string> Keys(Resident resident) =>
        resident.Cards.Select(card => "card:" + Identifiers.NormaliseCard(card))
            .Concat(resident.Plates.Select(plate => "plate:" + Identifiers.NormalisePlate(plate)))
            .Append("id:" + resident.ResidentId);
}
