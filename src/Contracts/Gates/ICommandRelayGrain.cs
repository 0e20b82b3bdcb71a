using Orleans.Concurrency;

namespace Ops.Contracts.Gates;

/// <summary>The registry of Gateway processes (a singleton, key 0) through which the cluster sends
/// commands to gates, such as an operator's remote open.</summary>
[Alias("ops.command-relay-grain")]
public interface ICommandRelayGrain : IGrainWithIntegerKey
{
    [Alias("subscribe")]
    Task SubscribeAsync(IGateCommandObserver gateway);

    /// <summary>How many gateways listen; 0 means a command cannot reach any gate now.</summary>
    [Alias("send")]
    Task<int> SendAsync(string siteId, string gateId, GateCommand command);

    [Alias("disconnect")]
    Task DisconnectAsync(string siteId, string gateId);
}
