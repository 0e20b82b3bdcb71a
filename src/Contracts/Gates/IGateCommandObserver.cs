using Orleans.Concurrency;

namespace Ops.Contracts.Gates;

/// <summary>Implemented by each Gateway process: sends a command the cluster originates (not a reply
/// to an event) to a gate over MQTT.</summary>
[Alias("ops.gate-command-observer")]
public interface IGateCommandObserver : IGrainObserver
{
    [OneWay, Alias("send")]
    Task SendAsync(string siteId, string gateId, GateCommand command);

    /// <summary>Ends the gate's MQTT connections, e.g. after its secret was rotated.</summary>
    [OneWay, Alias("disconnect")]
    Task DisconnectAsync(string siteId, string gateId);
}
