using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Ops.Contracts;
using Ops.Contracts.Gates;
using Ops.Contracts.Wire;
using Ops.Gateway.Validation;

namespace Ops.Gateway.Mqtt;

/// <summary>The data path of one gate message: validate it, hand it to the gate's grain, and say
/// what goes back (a command, a reject, or nothing). Exceptions mean "not processed": the caller
/// must not acknowledge the message, so the gate sends it again.</summary>
public sealed class GateMessageHandler(
    IClusterClient cluster, GatewayMetrics metrics, TimeProvider time, ILogger<GateMessageHandler> logger)
{
    /// <summary>The <c>reason</c> label of a command that gives none (a display after a payment).</summary>
    public const string NoReason = "none";

    public async Task<Reply?> HandleAsync(GateAddress gate, string channel, ReadOnlyMemory<byte> payload)
    {
        var grain = cluster.Reference<IGateGrain>(gate.Key);
        var now = time.GetUtcNow();
        if (channel == GateTopics.Status)
        {
            var status = EventValidator.ValidateStatus(payload.Span, now);
            if (status.Reject is { } statusReject)
                return Refuse(gate, statusReject, now);
            await grain.HandleStatusAsync(status.Value!);
            return null;
        }

        var validated = EventValidator.ValidateEvent(payload.Span, now);
        if (validated.Reject is { } reject)
            return Refuse(gate, reject, now);
        var gateEvent = validated.Value!;
        Activity.Current?.SetTag("ops.event.id", gateEvent.EventId).SetTag("ops.event.type", gateEvent.Type);
        var outcome = await grain.HandleEventAsync(gateEvent);
        metrics.Processed(gateEvent.Type);
        return outcome.Command is { } command
            ? new Reply(gate, GateTopics.Commands, JsonSerializer.SerializeToUtf8Bytes(command, WireJson.Options))
            {
                Decision = command.Reason ?? NoReason,
            }
            : null;
    }

    private Reply Refuse(GateAddress gate, Reject reject, DateTimeOffset now)
    {
        metrics.Rejected(reject.Reason);
        Activity.Current?.SetTag("ops.reject", reject.Reason);
        logger.LogWarning("Refused a message from gate {Gate}: {Reason} ({Detail})", gate, reject.Reason, reject.Detail);
        var body = new RejectMessage(reject.EventId, reject.Reason, reject.Detail, now);
        return new Reply(gate, GateTopics.Rejects, JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options));
    }

    private sealed record RejectMessage(string? EventId, string Reason, string Detail, DateTimeOffset At);
}
