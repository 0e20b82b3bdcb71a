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

    private string SiteId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var payload in await store.ReadStatesAsync(ResidentGrain.StateName, ResidentGrain.KeyPrefix(SiteId)))
        {
            // In the storage's format (GroupCommitGrainStorage): Orleans' binary serialization of the state.
            if (serializer.Deserialize<ResidentState>(payload)?.Resident is { } resident)
                residents[resident.ResidentId] = resident;
        }
    }

    public IAsyncEnumerable<PackedResidents> SearchAsync(string? query)
    {
        // What the search finds now: saves that interleave with the packs' calls change the directory, not the list.
        Resident[] found = string.IsNullOrWhiteSpace(query)
            ? [.. residents.Values]
            : [.. residents.Values.Where(resident => ResidentSearch.Matches(resident, query))];
        return found.Chunk(IResidentDirectoryGrain.PackSize).Select(PackedResidents.Pack).ToAsyncEnumerable();
    }

    public Task<IReadOnlyList<Resident>> ActiveInBuildingAsync(string? building) =>
        Task.FromResult<IReadOnlyList<Resident>>([.. residents.Values.Where(resident => IncidentCare.ActiveIn(resident, building))]);

    public Task PutAsync(Resident resident)
    {
        residents[resident.ResidentId] = resident;
        return Task.CompletedTask;
    }
}
