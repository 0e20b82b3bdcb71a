using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Contracts.Gates;
using Ops.Contracts.Wire;

namespace Ops.Gateway.Mqtt;

/// <summary>Receives the commands the cluster sends on its own initiative (an operator's remote open)
/// and publishes them on the gate's <c>commands</c> topic. Keeps its subscription fresh.</summary>
public sealed class GateCommandSender(IClusterClient cluster, GateBroker broker, ILogger<GateCommandSender> logger)
    : BackgroundService, IGateCommandObserver
{
    // Short, so that after a silo restart the subscription is back within seconds.
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    public async Task SendAsync(string siteId, string gateId, GateCommand command)
    {
        var gate = new GateAddress(siteId, gateId);
        try
        {
            await broker.PublishAsync(new Reply(gate, GateTopics.Commands, JsonSerializer.SerializeToUtf8Bytes(command, WireJson.Options)));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not send command {CommandId} to gate {Gate}", command.CommandId, gate);
        }
    }

    public async Task DisconnectAsync(string siteId, string gateId)
    {
        try
        {
            await broker.DisconnectGateAsync(new GateAddress(siteId, gateId));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not disconnect gate {Gate}", new GateAddress(siteId, gateId));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = cluster.CreateObjectReference<IGateCommandObserver>(this);
        var relay = cluster.GetGrain<ICommandRelayGrain>(0);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await relay.SubscribeAsync(reference);
                    await Task.Delay(Refresh, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Could not subscribe to the cluster's gate commands; retrying");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            cluster.DeleteObjectReference<IGateCommandObserver>(reference);
        }
    }
}
