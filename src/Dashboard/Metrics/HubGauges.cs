namespace Ops.Dashboard.Metrics;

/// <summary>What the hub looks like now: open situations by severity, gates online.</summary>
public sealed record HubGauges(IReadOnlyDictionary<string, long> OpenBySeverity, long GatesOnline)
{
    public static readonly HubGauges None = new(new Dictionary<string, long>(), 0);
}
