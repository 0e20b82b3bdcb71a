using Microsoft.Extensions.Options;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Feed;

/// <summary>Looks for connections whose user changed through another dashboard process, which this one
/// is not told about, as often as it re-reads the users' stamps.</summary>
public sealed class StaleConnectionSweep(UserConnections connections, IOptions<SignInOptions> options,
    ILogger<StaleConnectionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.StampCacheSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await connections.CloseStaleAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The cluster may be unreachable for a moment; the next sweep tries again.
                logger.LogWarning("Could not check the users of open connections: {Reason}", exception.Message);
            }
        }
    }
}
