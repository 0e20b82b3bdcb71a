using System.Text;

namespace Ops.Silo.Storage;

/// <summary>A grain's growing set of ids (a site's residents, its gates) kept as a log of the store: adding one
/// writes one small row, where a set in the grain's state would be rewritten whole at every addition.</summary>
public sealed class IdSetLog(StateStore store, string log, string key)
{
    private readonly SortedSet<string> ids = new(StringComparer.Ordinal);
    private long next = 1;

    public IReadOnlyCollection<string> Ids => ids;

    /// <summary>Reads the set back, with the ids an older version of the grain kept in its state.</summary>
    public async Task LoadAsync(IEnumerable<string> stateBefore)
    {
        ids.UnionWith(stateBefore);
        var entries = await store.ReadLogFromAsync(log, key, from: 0, count: int.MaxValue);
        foreach (var entry in entries)
            ids.Add(Encoding.UTF8.GetString(entry.Payload));
        next = entries.Count > 0 ? entries[^1].Sequence + 1 : 1;
    }

    public bool Contains(string id) => ids.Contains(id);

    /// <summary>Adds the id once it is durable; false when it was there already. Additions may overlap (the
    /// grain interleaves them): each takes its number before it waits, and an id added twice at once is
    /// stored twice, which reading back ignores.</summary>
    public async Task<bool> AddAsync(string id)
    {
        if (ids.Contains(id))
            return false;
        await store.AppendAsync(log, key, next++, Encoding.UTF8.GetBytes(id));
        ids.Add(id);
        return true;
    }
}
