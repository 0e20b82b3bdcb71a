using System.Data.Common;
using Npgsql;

namespace Ops.Silo.Storage;

/// <summary>PostgreSQL, for a cluster of silos sharing one database. Connections come from one pooled data
/// source; the schema scripts under <c>sql/postgresql</c> are applied under an advisory lock, so silos
/// starting together do not race.</summary>
public sealed class PostgresDialect(string connectionString) : StoreDialect, IDisposable
{
    /// <summary>Any number, the same in every silo: the advisory lock taken while the schema is applied.</summary>
    private const long SchemaLock = 0x6f70735f736368;

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public override DbConnection CreateConnection() => dataSource.CreateConnection();

    public override void ApplySchema()
    {
        using var connection = dataSource.OpenConnection();
        using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLock})", connection))
            command.ExecuteNonQuery();
        var scripts = Path.Combine(AppContext.BaseDirectory, "sql", "postgresql");
        foreach (var script in Directory.GetFiles(scripts, "*.sql").Order(StringComparer.Ordinal))
        {
            using var command = new NpgsqlCommand(File.ReadAllText(script), connection);
            command.ExecuteNonQuery();
        }
        using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaLock})", connection))
            command.ExecuteNonQuery();
    }

    /// <summary>Integrity constraint violations (class 23), data exceptions (class 22) and raised exceptions (P0001).</summary>
    public override bool IsRefusal(DbException exception) =>
        exception is PostgresException { SqlState: var state } && (state.StartsWith("23", StringComparison.Ordinal)
            || state.StartsWith("22", StringComparison.Ordinal) || state == "P0001");

    public override string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    public void Dispose() => dataSource.Dispose();
}
