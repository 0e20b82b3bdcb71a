using Microsoft.Extensions.Logging;
using Ops.Contracts.Gates;
using Orleans.Utilities;

namespace Ops.Silo.Gates;

/// <summary>Keeps the Gateway processes' observers (each refreshes its subscription) and hands them
/// the commands the cluster sends on its own initiative.</summary>
public sealed class CommandRelayGrain(ILogger<CommandRelayGrain> logger) : Grain, ICommandRelayGrain
{
    private readonly ObserverManager<IGateCommandObserver> gateways = new(TimeSpan.FromMinutes(2), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The registry lives in memory; keep it activated so gateways are not forgotten while idle.
        DelayDeactivation(TimeSpan.FromDays(3650));
        return Task.CompletedTask;
    }

    public Task SubscribeAsync(IGateCommandObserver gateway)
    {
        gateways.Subscribe(gateway, gateway);
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(string siteId, string gateId)
    {
        gateways.Notify(gateway => gateway.DisconnectAsync(siteId, gateId));
        return Task.CompletedTask;
    }

    public Task<int> SendAsync(string siteId, string gateId, GateCommand command)
    {
        gateways.Notify(gateway => gateway.SendAsync(siteId, gateId, command));
        return Task.FromResult(gateways.Count);
    }
}
