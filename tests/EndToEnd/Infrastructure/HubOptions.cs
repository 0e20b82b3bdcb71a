namespace Ops.EndToEnd.Infrastructure;

/// <summary>Where one hub under test lives: a fresh data directory and free loopback ports.</summary>
public sealed record HubOptions(string DataDirectory, int HttpPort, int MqttPort, int SiloPort, int OrleansGatewayPort, string? AdminPassword)
{
    /// <summary>Environment variables for every process beyond the defaults of <see cref="Hub"/> (such as <c>OPS_DEMO</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public static HubOptions Fresh(string? adminPassword = "admin-password-for-tests") => new(
        Directory.CreateTempSubdirectory("ops-e2e-").FullName, FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), adminPassword);
}
