using System.Data.Common;

namespace Ops.Silo.Storage;

/// <summary>What <see cref="StateStore"/> needs to know about one database: how to connect, how to create its
/// tables. The statements themselves are the same on SQLite and PostgreSQL.</summary>
public abstract class StoreDialect
{
    /// <summary>A new, closed connection.</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>Creates the tables when they are missing (and moves data of older layouts), before the silo starts.</summary>
    public abstract void ApplySchema();

    /// <summary>Whether the database turned down this one statement for what it wrote (a constraint, bad data),
    /// as opposed to failing the whole transaction (locked, disk full, connection lost).</summary>
    public abstract bool IsRefusal(DbException exception);

    /// <summary>A short description for logs, without credentials.</summary>
    public abstract string Describe();

    public const string ReadState =
        "SELECT payload, version FROM grain_state WHERE grain_kind = @kind AND grain_key = @key";

    /// <summary>Optimistic concurrency: a first write (no expected version) only inserts, a later one only updates
    /// the version it read. Anything else returns no row: a conflict.</summary>
    public const string WriteState = """
        INSERT INTO grain_state (grain_kind, grain_key, version, payload, modified_ms)
        VALUES (@kind, @key, 1, @payload, @modified)
        ON CONFLICT (grain_kind, grain_key) DO UPDATE
        SET payload = excluded.payload, version = grain_state.version + 1, modified_ms = excluded.modified_ms
        WHERE grain_state.version = @expected
        RETURNING version
        """;

    /// <summary>Every stored state of one kind whose key starts with @prefix (of @length characters); <c>substr</c>,
    /// unlike a range or LIKE, compares the same way under every collation and case rule.</summary>
    public const string ReadStatesByPrefix =
        "SELECT payload FROM grain_state WHERE grain_kind = @kind AND substr(grain_key, 1, @length) = @prefix AND payload IS NOT NULL";

    public const string AppendLog =
        "INSERT INTO log_entry (log_name, owner_key, seq, payload) VALUES (@log, @key, @seq, @payload)";

    public const string TrimLog =
        "DELETE FROM log_entry WHERE log_name = @log AND owner_key = @key AND seq < @below";

    public const string ReadLogTail =
        "SELECT seq, payload FROM log_entry WHERE log_name = @log AND owner_key = @key ORDER BY seq DESC LIMIT @count";

    public const string ReadLogFrom =
        "SELECT seq, payload FROM log_entry WHERE log_name = @log AND owner_key = @key AND seq >= @from ORDER BY seq LIMIT @count";
}
