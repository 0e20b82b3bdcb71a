using Microsoft.Data.Sqlite;

namespace Ops.Silo.Storage;

/// <summary>Creates the embedded database and applies the schema scripts shipped under <c>sql/sqlite</c>.</summary>
public static class SqliteSchema
{
    /// <summary>The ADO.NET invariant under which Orleans loads Microsoft.Data.Sqlite.</summary>
    public const string Invariant = "System.Data.SQLite";

    /// <summary>Applies every script (they are idempotent) and returns the connection string to use.</summary>
    public static string Apply(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var scripts = Path.Combine(AppContext.BaseDirectory, "sql", "sqlite");
        foreach (var script in Directory.GetFiles(scripts, "*.sql").Order(StringComparer.Ordinal))
        {
            using var command = connection.CreateCommand();
            command.CommandText = File.ReadAllText(script);
            command.ExecuteNonQuery();
        }
        return connectionString;
    }
}
