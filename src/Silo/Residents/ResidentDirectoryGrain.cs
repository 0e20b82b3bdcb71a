using Ops.Contracts.Residents;
using Ops.Silo.Care;
using Ops.Silo.Storage;
using Orleans.Serialization;

namespace Ops.Silo.Residents;

/// <summary>A site's residents in memory (<see cref="IResidentDirectoryGrain"/>). It holds no state of its own: on
/// activation it reads the site's resident states from the store in one query, and every save of a resident,
/// once durable, passes the record on here before it is answered.</summary>
public sealed class ResidentDirectoryGrain(StateStore store, Serializer serializer) : Grain, IResidentDirectoryGrain
{
    private readonly SortedDictionary<string, Resident> residents = new(StringComparer.Ordinal);

    // Who lists each card: one of them active, as claims see to, the others keeping it while inactive.
    private readonly Dictionary<string, List<string>> cardListers = new(StringComparer.Ordinal);

    // The whole site packed, as the last search without a query sent it, until the next save: exports and the
    // archive page's first screen ask for it again and again, and packing 100,000 residents costs the silo ~50 ms.
    private PackedResidents[]? everyone;
    private long saves;

    private string SiteId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var payload in await store.ReadStatesAsync(ResidentGrain.StateName, ResidentGrain.KeyPrefix(SiteId)))
        {
            // In the storage's format (GroupCommitGrainStorage): Orleans' binary serialization of the state.
            if (serializer.Deserialize<ResidentState>(payload)?.Resident is { } resident)
                Take(resident);
        }
    }

    public IAsyncEnumerable<PackedResidents> SearchAsync(string? query)
    {
        // What the search finds now: saves that interleave with the packs' calls change the directory, not the list.
        if (string.IsNullOrWhiteSpace(query))
            return (everyone ?? PackInTurn([.. residents.Values], keepFromSave: saves)).ToAsyncEnumerable();
        return PackInTurn([.. residents.Values.Where(resident => ResidentSearch.Matches(resident, query))], keepFromSave: null)
            .ToAsyncEnumerable();
    }

    /// <summary>Packs each as it is asked for, so the first pack leaves before the last is made; the whole site's are
    /// kept when no save came in between.</summary>
    private IEnumerable<PackedResidents> PackInTurn(Resident[] found, long? keepFromSave)
    {
        var packs = new List<PackedResidents>();
        foreach (var pack in found.Chunk(IResidentDirectoryGrain.PackSize).Select(PackedResidents.Pack))
        {
            if (keepFromSave is not null)
                packs.Add(pack);
            yield return pack;
        }
        if (keepFromSave == saves)
            everyone = [.. packs];
    }

    public Task<IReadOnlyList<Resident>> ActiveInBuildingAsync(string? building) =>
        Task.FromResult<IReadOnlyList<Resident>>([.. residents.Values.Where(resident => IncidentCare.ActiveIn(resident, building))]);

    public Task WakeAsync() => Task.CompletedTask;

    public Task<string?> HolderOfCardAsync(string card) =>
        Task.FromResult((cardListers.GetValueOrDefault(card) ?? []).FirstOrDefault(residentId => residents[residentId].Active));

    private void Take(Resident resident)
    {
        if (residents.TryGetValue(resident.ResidentId, out var before))
        {
            foreach (var card in before.Cards)
            {
                if (cardListers.TryGetValue(card, out var listers) && listers.Remove(resident.ResidentId) && listers.Count == 0)
                    cardListers.Remove(card);
            }
        }
        residents[resident.ResidentId] = resident;
        foreach (var card in resident.Cards)
        {
            if (!cardListers.TryGetValue(card, out var listers))
                cardListers[card] = listers = new List<string>(1);
            listers.Add(resident.ResidentId);
        }
    }

    public Task PutAsync(Resident resident)
    {
        Take(resident);
        everyone = null;
        saves++;
        return Task.CompletedTask;
    }
}
