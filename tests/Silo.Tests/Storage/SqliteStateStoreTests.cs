using Microsoft.Data.Sqlite;
using Ops.Silo.Storage;

namespace Ops.Silo.Tests.Storage;

/// <summary>The store on the embedded database: a SQLite file of each test's own.</summary>
public sealed class SqliteStateStoreTests : StateStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"ops-store-tests-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(directory, "ops.db");

    protected override StoreDialect NewDialect(bool shortLockWait = false) =>
        new SqliteDialect(DatabasePath, busyTimeoutSeconds: shortLockWait ? 1 : 10);

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    protected override async Task RefuseKeyAsync(string key)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var trigger = connection.CreateCommand();
        trigger.CommandText = $"""
            CREATE TRIGGER refuse_key BEFORE INSERT ON grain_state WHEN NEW.grain_key = '{key}'
            BEGIN SELECT RAISE(ABORT, 'refused'); END;
            """;
        await trigger.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
