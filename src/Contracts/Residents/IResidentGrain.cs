using Orleans.Concurrency;

namespace Ops.Contracts.Residents;

/// <summary>One resident, keyed <c>{siteId}/{residentId}</c>.</summary>
[Alias("ops.resident-grain")]
public interface IResidentGrain : IGrainWithStringKey
{
    /// <summary>Stores the resident and claims its cards and plates; refuses a card or plate another
    /// active resident holds, and then changes nothing.</summary>
    [Alias("save")]
    Task<ResidentSaved> SaveAsync(Resident resident);

    /// <summary>Saves as <see cref="SaveAsync"/> does, for an import of the archive: then this grain and the card and
    /// plate grains the save touched go back to storage, so that an import of a whole archive does not keep every
    /// resident in memory. An importer saves rows that share a resident, card or plate one after another.</summary>
    [Alias("import")]
    Task<ResidentSaved> ImportAsync(Resident resident);

    /// <summary>The resident, or null when unknown. Interleaves, so that card and plate grains can ask
    /// while two residents' saves are in flight.</summary>
    [AlwaysInterleave, Alias("get")]
    Task<Resident?> GetAsync();

    [AlwaysInterleave, Alias("get-presence")]
    Task<Presence> GetPresenceAsync();

    /// <summary>Applies the card rules of the gate procedure (README) to a swipe of one of this resident's cards and,
    /// when granted, records the passage.</summary>
    [Alias("pass")]
    Task<CardPassResult> PassAsync(CardPass pass);
}
