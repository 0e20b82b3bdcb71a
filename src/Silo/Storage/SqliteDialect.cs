using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ops.Silo.Storage;

/// <summary>The embedded database: one SQLite file in write-ahead-log mode, with full sync at each commit so that
/// a committed transaction survives a power loss.</summary>
public sealed class SqliteDialect(string databasePath, int busyTimeoutSeconds = 10) : StoreDialect
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        // A second process holding the write lock (a backup, say) is waited for this long before a commit fails.
        DefaultTimeout = busyTimeoutSeconds,
    }.ToString();

    public override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    /// <summary>SQLITE_TOOBIG (18), SQLITE_CONSTRAINT (19), SQLITE_MISMATCH (20).</summary>
    public override bool IsRefusal(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 18 or 19 or 20 };

    public override string Describe() => $"SQLite {databasePath}";

    /// <summary>Applies every script under <c>sql/sqlite</c> beside the silo, in name order; each is idempotent.</summary>
    public override void ApplySchema()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var scripts = Path.Combine(AppContext.BaseDirectory, "sql", "sqlite");
        foreach (var script in Directory.GetFiles(scripts, "*.sql").Order(StringComparer.Ordinal))
        {
            using var command = connection.CreateCommand();
            command.CommandText = File.ReadAllText(script);
            command.ExecuteNonQuery();
        }
    }
}
