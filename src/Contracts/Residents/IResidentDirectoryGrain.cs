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
    [Alias("search")]
    Task<IReadOnlyList<Resident>> SearchAsync(string? query);

    /// <summary>Takes the resident as just saved.</summary>
    [Alias("put")]
    Task PutAsync(Resident resident);
}
