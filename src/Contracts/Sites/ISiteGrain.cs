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

    /// <summary>Adds a gate to the site's list. Interleaves: each addition is one row of a log, so many can be on
    /// their way to the database at once instead of one commit after another.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("add-gate")]
    Task AddGateAsync(string gateId);

    [Alias("list-gates")]
    Task<IReadOnlyList<GateView>> ListGatesAsync();

    /// <summary>Activates the site's gates and situations, so that their timers run after a restart.</summary>
    [Alias("wake")]
    Task WakeAsync();
}
