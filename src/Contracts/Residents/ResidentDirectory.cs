using System.Runtime.CompilerServices;
using Orleans.Runtime;

namespace Ops.Contracts.Residents;

/// <summary>Reads a site's <see cref="IResidentDirectoryGrain"/>: one pack per call, the next one asked for while
/// the caller works through the last.</summary>
public static class ResidentDirectory
{
    /// <summary>The residents the query finds (all without one), in ordinal order of their ids, as they arrive.</summary>
    public static async IAsyncEnumerable<Resident> SearchAsync(IGrainFactory grains, string siteId, string? query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var packs = grains.Reference<IResidentDirectoryGrain>(siteId).SearchAsync(query).WithBatchSize(1);
        await using var next = packs.GetAsyncEnumerator(cancellationToken);
        var more = next.MoveNextAsync().AsTask();
        try
        {
            while (await more)
            {
                var pack = next.Current;
                more = next.MoveNextAsync().AsTask();
                foreach (var resident in pack.Unpack())
                    yield return resident;
            }
        }
        finally
        {
            // A caller that stops early leaves a pack on its way: it arrives before the enumeration is disposed.
            await Task.WhenAny(more);
        }
    }

    /// <summary>All of them in one list.</summary>
    public static async Task<IReadOnlyList<Resident>> LoadAsync(IGrainFactory grains, string siteId, string? query = null,
        CancellationToken cancellationToken = default)
    {
        var residents = new List<Resident>();
        await foreach (var resident in SearchAsync(grains, siteId, query, cancellationToken))
            residents.Add(resident);
        return residents;
    }
}
