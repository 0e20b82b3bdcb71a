using Microsoft.Extensions.Configuration;

namespace Ops.Silo.Hosting;

/// <summary>The environment variables of README, Configuration that the silo reads, with their defaults.</summary>
public sealed record HubEnvironment(string DataDirectory, int SiloPort, int OrleansGatewayPort)
{
    public const string ServiceId = "ops";
    public const string ClusterId = "ops";

    public string DatabasePath => Path.Combine(DataDirectory, "ops.db");

    public static HubEnvironment From(IConfiguration configuration) => new(
        Path.GetFullPath(configuration["OPS_DATA_DIR"] ?? "./.ops-data"),
        configuration.GetValue("OPS_SILO_PORT", 11111),
        configuration.GetValue("OPS_ORLEANS_GATEWAY_PORT", 30000));
}
