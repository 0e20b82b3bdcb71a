using Ops.Contracts.Gates;
using Orleans.Concurrency;

namespace Ops.Contracts.Sites;

/// <summary>One site, keyed by its siteId: its configuration and the gates and residents it holds.</summary>
[Alias("ops.site-grain")]
public interface ISiteGrain : IGrainWithStringKey
{
    [Alias("configure")]
    Task<SiteConfig> ConfigureAsync(SiteConfig config);

    /// <summary>The stored config, or null when the site was never configured. Interleaves: gates
    /// read it while they activate, which can happen during a call of the site's own.</summary>
    [AlwaysInterleave, Alias("get-config")]
    Task<SiteConfig?> GetConfigAsync();

    /// <summary>Adds a gate to the site's list. Interleaves (as does <see cref="AddResidentAsync"/>): each addition
    /// is one row of a log, so many can be on their way to the database at once instead of one commit after
    /// another while a whole import waits on this grain.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("add-gate")]
    Task AddGateAsync(string gateId);

    [Alias("list-gates")]
    Task<IReadOnlyList<GateView>> ListGatesAsync();

    /// <summary>Activates the site's gates and situations, so that their timers run after a restart.</summary>
    [Alias("wake")]
    Task WakeAsync();

    [Orleans.Concurrency.AlwaysInterleave, Alias("add-resident")]
    Task AddResidentAsync(string residentId);

    /// <summary>The ids of every resident ever saved at the site, in ordinal order. Interleaves: a
    /// read of the list, which resident saves only append to.</summary>
    [AlwaysInterleave, Alias("list-resident-ids")]
    Task<IReadOnlyList<string>> ListResidentIdsAsync();
}
