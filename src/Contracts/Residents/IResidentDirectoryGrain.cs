namespace Ops.Contracts.Residents;

/// <summary>Every resident of a site (keyed by siteId) in memory, for the reads that want them all: a search, an
/// export, an import's comparison with the archive, an incident's care list; and for a swipe's question who
/// holds the card. One grain answers them without activating a grain per resident or per card. It reads the
/// residents from the store when it activates; each save of a resident passes the new record on.</summary>
[Alias("ops.resident-directory-grain")]
public interface IResidentDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The residents <see cref="ResidentSearch"/> finds for the query (all without one), in ordinal order
    /// of their ids, as they were when the search began, in packs of up to <see cref="PackSize"/>. Take them one
    /// pack per call (<c>WithBatchSize(1)</c>; <see cref="ResidentDirectory"/> does): a whole site in one message
    /// would be megabytes that both processes allocate, copy and collect at once.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("search")]
    IAsyncEnumerable<PackedResidents> SearchAsync(string? query);

    /// <summary>The active residents of the building (of the whole site without one), in ordinal order of their ids:
    /// those an incident's care list looks among. Asked for by a grain, mostly in the same silo, where records cross
    /// without a copy, so they are not packed.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("active-in-building")]
    Task<IReadOnlyList<Resident>> ActiveInBuildingAsync(string? building);

    /// <summary>The active resident who lists the card (normalised), or null: the one a swipe of the card concerns. Answered
    /// from memory, so a first swipe activates only the resident's grain, not a grain for the card as well. Without an
    /// answer here (no active resident lists the card, or the save that gave it is not here yet) the gate asks the
    /// card's own grain, which names its holder, active or not.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("holder-of-card")]
    Task<string?> HolderOfCardAsync(string card);

    /// <summary>Activates the directory, which reads the site's residents: a site wakes it when the silo starts, so
    /// that the first swipe does not wait for that.</summary>
    [Alias("wake")]
    Task WakeAsync();

    /// <summary>Takes the resident as just saved. Calls interleave (as do searches; neither waits for anything): one
    /// turn of the grain takes every call waiting, where a call at a time would take a turn of the thread pool
    /// each, a queue that held up a whole import behind this one grain.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("put")]
    Task PutAsync(Resident resident);

    /// <summary>Residents per pack of <see cref="SearchAsync"/>: about 36 KB each, so that a pack and the buffer it is
    /// written into stay below .NET's large-object heap (85,000 bytes), which only a full collection frees.</summary>
    const int PackSize = 500;
}
