using System.Diagnostics.Metrics;

namespace Ops.Gateway.Mqtt;

/// <summary>The gateway's counters, under the meter <c>Ops.Gateway</c>.</summary>
public sealed class GatewayMetrics : IDisposable
{
    private readonly Meter meter = new("Ops.Gateway");
    private readonly Counter<long> events;
    private readonly Counter<long> rejects;

    public GatewayMetrics()
    {
        events = meter.CreateCounter<long>("ops_gateway_events", description: "Gate events processed");
        rejects = meter.CreateCounter<long>("ops_gateway_rejects", description: "Gate messages refused, by reason");
    }

    public void Processed(string type) => events.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Rejected(string reason) => rejects.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => meter.Dispose();
}
