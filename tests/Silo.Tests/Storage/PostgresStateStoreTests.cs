using Npgsql;
using Ops.Silo.Storage;
using Xunit;

namespace Ops.Silo.Tests.Storage;

/// <summary>The store on PostgreSQL: a database of each test's own on a throwaway server.</summary>
public sealed class PostgresStateStoreTests(PostgresServer server) : StateStoreContract, IClassFixture<PostgresServer>
{
    private readonly string database = $"ops_{Guid.NewGuid():N}";
    private readonly List<PostgresDialect> dialects = [];

    private string ConnectionString(bool shortLockWait = false) => new NpgsqlConnectionStringBuilder(server.ConnectionString(database))
    {
        // lock_timeout makes a statement waiting for a lock fail instead of waiting for ever.
        Options = shortLockWait ? "-c lock_timeout=1000" : null,
    }.ToString();

    public override async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    protected override StoreDialect NewDialect(bool shortLockWait = false)
    {
        var dialect = new PostgresDialect(ConnectionString(shortLockWait));
        dialects.Add(dialect);
        return dialect;
    }

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var begin = new NpgsqlCommand("BEGIN; LOCK TABLE grain_state IN ACCESS EXCLUSIVE MODE", connection);
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    protected override async Task RefuseKeyAsync(string key)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var trigger = new NpgsqlCommand($"""
            CREATE FUNCTION refuse_key() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.grain_key = '{key}' THEN RAISE EXCEPTION 'refused'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_key BEFORE INSERT ON grain_state FOR EACH ROW EXECUTE FUNCTION refuse_key();
            """, connection);
        await trigger.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dialect in dialects)
            dialect.Dispose();
    }
}
