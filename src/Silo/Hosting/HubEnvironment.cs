using Microsoft.Extensions.Configuration;
using Ops.Silo.Storage;

namespace Ops.Silo.Hosting;

/// <summary>The environment variables of README, Configuration that the silo reads, with their defaults.</summary>
public sealed record HubEnvironment(string DataDirectory, int SiloPort, int OrleansGatewayPort, string? PostgresConnection = null)
{
    public const string ServiceId = "ops";
    public const string ClusterId = "ops";

    public string DatabasePath => Path.Combine(DataDirectory, "ops.db");

    public static HubEnvironment From(IConfiguration configuration) => new(
        Path.GetFullPath(configuration["OPS_DATA_DIR"] ?? "./.ops-data"),
        configuration.GetValue("OPS_SILO_PORT", 11111),
        configuration.GetValue("OPS_ORLEANS_GATEWAY_PORT", 30000),
        configuration["OPS_POSTGRES"] is { Length: > 0 } postgres ? postgres : null);

    /// <summary>PostgreSQL when <c>OPS_POSTGRES</c> holds a connection string, else the embedded SQLite file.</summary>
    public StoreDialect Database() => PostgresConnection is { } postgres
        ? new PostgresDialect(postgres)
        : new SqliteDialect(DatabasePath);
}
