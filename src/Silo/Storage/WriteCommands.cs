using System.Data;
using System.Data.Common;

namespace Ops.Silo.Storage;

/// <summary>The writer's connection of <see cref="StateStore"/> and its statements, prepared once and bound anew
/// for each write.</summary>
internal sealed class WriteCommands : IAsyncDisposable
{
    private readonly DbCommand writeState;
    private readonly DbCommand appendLog;
    private readonly DbCommand trimLog;

    private WriteCommands(DbConnection connection)
    {
        Connection = connection;
        writeState = Command(StoreDialect.WriteState,
            ("@kind", DbType.String), ("@key", DbType.String), ("@payload", DbType.Binary), ("@modified", DbType.Int64), ("@expected", DbType.Int64));
        appendLog = Command(StoreDialect.AppendLog,
            ("@log", DbType.String), ("@key", DbType.String), ("@seq", DbType.Int64), ("@payload", DbType.Binary));
        trimLog = Command(StoreDialect.TrimLog,
            ("@log", DbType.String), ("@key", DbType.String), ("@below", DbType.Int64));
    }

    public DbConnection Connection { get; }

    public static async Task<WriteCommands> OpenAsync(StoreDialect dialect)
    {
        var connection = dialect.CreateConnection();
        try
        {
            await connection.OpenAsync();
            return new WriteCommands(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one write in the transaction: the new version, sequence number or rows removed; null when a
    /// state write found another version than the one it expected.</summary>
    public async Task<long?> ExecuteAsync(DbTransaction transaction, StoreWrite write, long modifiedMs)
    {
        switch (write)
        {
            case StateWrite state:
                Bind(writeState, transaction, state.Kind, state.Key, state.Payload, modifiedMs, state.ExpectedVersion);
                var version = await writeState.ExecuteScalarAsync();
                return version is null or DBNull ? null : Convert.ToInt64(version);
            case LogAppend append:
                Bind(appendLog, transaction, append.Log, append.Key, append.Sequence, append.Payload);
                await appendLog.ExecuteNonQueryAsync();
                return append.Sequence;
            case LogTrim trim:
                Bind(trimLog, transaction, trim.Log, trim.Key, trim.Below);
                return await trimLog.ExecuteNonQueryAsync();
            default:
                throw new ArgumentException($"Unknown write {write.GetType().Name}", nameof(write));
        }
    }

    private static void Bind(DbCommand command, DbTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private DbCommand Command(string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
            StateStore.Add(command, name, type, null);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await writeState.DisposeAsync();
        await appendLog.DisposeAsync();
        await trimLog.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
