using Microsoft.Extensions.Logging;
using Ops.Contracts.Sites;

namespace Ops.Silo.Hosting;

/// <summary>After the silo starts, activates every site's gates and open situations, so that
/// health checks, escalations and shelf expiries run again without waiting for traffic.</summary>
public static class WakeOnStart
{
    public static async Task WakeAllAsync(IGrainFactory grains, ILogger logger, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var sites = await grains.GetGrain<ISiteDirectoryGrain>(0).ListAsync();
                await Task.WhenAll(sites.Select(site => grains.GetGrain<ISiteGrain>(site.SiteId).WakeAsync()));
                logger.LogInformation("Woke {Sites} site(s)", sites.Count);
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not wake the sites yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }
}
