namespace Ops.Contracts.Residents;

/// <summary>Every resident of a site (keyed by siteId) in memory, for the reads that want them all: a search, an
/// export, an import's comparison with the archive, an incident's care list. One grain answers them without
/// activating a grain per resident. It reads the residents from the store when it activates; each save of a
/// resident passes the new record on.</summary>
[Alias("ops.resident-directory-grain")]
public interface IResidentDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The residents <see cref="ResidentSearch"/> finds for the query (all without one), in ordinal order
    /// of their ids.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("search")]
    Task<IReadOnlyList<Resident>> SearchAsync(string? query);

    /// <summary>Takes the resident as just saved. Calls interleave (as do searches; neither waits for anything): one
    /// turn of the grain takes every call waiting, where a call at a time would take a turn of the thread pool
    /// each, a queue that held up a whole import behind this one grain.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("put")]
    Task PutAsync(Resident resident);
}
