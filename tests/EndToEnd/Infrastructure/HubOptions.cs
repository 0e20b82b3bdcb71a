using System.Net;
using System.Net.Sockets;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>Where one hub under test lives: a fresh data directory and free loopback ports.</summary>
public sealed record HubOptions(string DataDirectory, int HttpPort, int MqttPort, int SiloPort, int OrleansGatewayPort, string? AdminPassword)
{
    /// <summary>More environment variables for every process of the hub.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public static HubOptions Fresh(string? adminPassword = "admin-password-for-tests") => new(
        Directory.CreateTempSubdirectory("ops-e2e-").FullName, FreePort(), FreePort(), FreePort(), FreePort(), adminPassword);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
