using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Ops.Contracts.Reports;

namespace Ops.Silo.Reports;

/// <summary>The sites whose tally is active on this silo. When the silo stops in order, it has them store
/// what they counted before the silo deactivates its grains (a tally that stores only while it is being
/// deactivated may find the day it writes to already gone).</summary>
public sealed class ActiveTallies(IGrainFactory grains, ILogger<ActiveTallies> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<string, byte> sites = new(StringComparer.Ordinal);

    public void Add(string siteId) => sites[siteId] = 0;

    public void Remove(string siteId) => sites.TryRemove(siteId, out _);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ActiveTallies), ServiceLifecycleStage.Active, _ => Task.CompletedTask, FlushAllAsync);

    private Task FlushAllAsync(CancellationToken cancellationToken) =>
        // All sites at once: their writes share the store's commits, and the stop has a deadline.
        Task.WhenAll(sites.Keys.Select(async siteId =>
        {
            try
            {
                await grains.GetGrain<ISiteTallyGrain>(siteId).FlushAsync().WaitAsync(cancellationToken);
            }
            catch (Exception exception)
            {
                logger.LogWarning("Site {SiteId}: could not store its tally at shutdown ({Error})", siteId, exception.GetType().Name);
            }
        }));
}
