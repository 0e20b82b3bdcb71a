using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Ops.Silo.Storage;

/// <summary>The hub's durable storage, with group commit: every grain's writes go into one queue, and a single
/// writer commits whatever is waiting in one transaction, so one sync to disk serves many writes.
/// <list type="bullet">
/// <item>A write's task completes only after its transaction has committed: a grain that awaits it can
/// acknowledge what it stored.</item>
/// <item>When a transaction fails, none of its writes is stored and every one of them fails, except when one
/// write's own statement failed (the database refused it): then that write fails alone and the others are
/// committed again without it.</item>
/// <item>Writes are committed in the order they were queued, so one grain's writes keep their order.</item>
/// <item>Stopping commits everything queued before it returns.</item>
/// </list>
/// Reads go straight to the database on their own connections. The same statements run on SQLite and
/// PostgreSQL; <see cref="StoreDialect"/> says how to connect.</summary>
public sealed class StateStore(StoreDialect dialect, StateStoreOptions options, TimeProvider time, ILogger<StateStore> logger)
    : IAsyncDisposable
{
    private readonly Channel<StoreWrite> queue = Channel.CreateUnbounded<StoreWrite>(new UnboundedChannelOptions
    {
        SingleReader = true,
    });

    private Task? writer;
    private long transactions;
    private long writes;

    /// <summary>Committed transactions and the writes in them since the start: their ratio is the batching achieved.</summary>
    public (long Transactions, long Writes) Committed => (Interlocked.Read(ref transactions), Interlocked.Read(ref writes));

    public void Start()
    {
        if (writer is not null)
            return;
        writer = Task.Run(WriteLoopAsync);
        logger.LogInformation("Storage: {Database}, up to {Batch} writes per transaction", dialect.Describe(), options.MaxBatchWrites);
    }

    /// <summary>Commits everything queued so far and stops taking writes.</summary>
    public async Task StopAsync()
    {
        queue.Writer.TryComplete();
        if (writer is not null)
            await writer;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Queues a write; its <see cref="StoreWrite.Completion"/> says when it is durable.</summary>
    public Task<long> EnqueueAsync(StoreWrite write)
    {
        if (writer is null)
            throw new InvalidOperationException("The state store has not been started.");
        if (!queue.Writer.TryWrite(write))
            write.Fail(new InvalidOperationException("The state store is stopping and takes no more writes."));
        return write.Completion;
    }

    public Task<long> WriteStateAsync(string kind, string key, long? expectedVersion, byte[]? payload) =>
        EnqueueAsync(new StateWrite(kind, key, expectedVersion, payload));

    public Task<long> AppendAsync(string log, string key, long sequence, byte[] payload) =>
        EnqueueAsync(new LogAppend(log, key, sequence, payload));

    public Task<long> TrimAsync(string log, string key, long below) =>
        EnqueueAsync(new LogTrim(log, key, below));

    public async Task<StoredState?> ReadStateAsync(string kind, string key)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = StoreDialect.ReadState;
        Add(command, "@kind", DbType.String, kind);
        Add(command, "@key", DbType.String, key);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new StoredState(reader.IsDBNull(0) ? null : (byte[])reader[0], reader.GetInt64(1));
    }

    /// <summary>The payloads of every state of a kind whose key starts with <paramref name="keyPrefix"/> (the residents
    /// of one site, say), in no particular order.</summary>
    public async Task<IReadOnlyList<byte[]>> ReadStatesAsync(string kind, string keyPrefix)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = StoreDialect.ReadStatesByPrefix;
        Add(command, "@kind", DbType.String, kind);
        Add(command, "@prefix", DbType.String, keyPrefix);
        Add(command, "@length", DbType.Int32, keyPrefix.Length);
        var payloads = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            payloads.Add((byte[])reader[0]);
        return payloads;
    }

    /// <summary>The newest <paramref name="count"/> entries of a log, newest first.</summary>
    public Task<IReadOnlyList<LogEntry>> ReadLogTailAsync(string log, string key, int count) =>
        ReadLogAsync(StoreDialect.ReadLogTail, log, key, command => Add(command, "@count", DbType.Int64, (long)count));

    /// <summary>Up to <paramref name="count"/> entries of a log from number <paramref name="from"/> on, oldest first.</summary>
    public Task<IReadOnlyList<LogEntry>> ReadLogFromAsync(string log, string key, long from, int count) =>
        ReadLogAsync(StoreDialect.ReadLogFrom, log, key, command =>
        {
            Add(command, "@from", DbType.Int64, from);
            Add(command, "@count", DbType.Int64, (long)count);
        });

    private async Task<IReadOnlyList<LogEntry>> ReadLogAsync(string sql, string log, string key, Action<DbCommand> bind)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@log", DbType.String, log);
        Add(command, "@key", DbType.String, key);
        bind(command);
        var entries = new List<LogEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            entries.Add(new LogEntry(reader.GetInt64(0), (byte[])reader[1]));
        return entries;
    }

    private async Task<DbConnection> OpenAsync()
    {
        var connection = dialect.CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<StoreWrite>(options.MaxBatchWrites);
        WriteCommands? commands = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                var bytes = 0;
                while (batch.Count < options.MaxBatchWrites && bytes < options.MaxBatchBytes && queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                    bytes += write.Size;
                }
                while (batch.Count > 0)
                {
                    try
                    {
                        commands ??= await WriteCommands.OpenAsync(dialect);
                        await CommitAsync(commands, batch);
                        break;
                    }
                    catch (WriteRefusedException refused)
                    {
                        logger.LogWarning("Storage: the database refused a write ({Error}: {Message}); committing the {Others} other(s) of its transaction again",
                            refused.InnerException!.GetType().Name, refused.InnerException.Message, batch.Count - 1);
                        batch[refused.Index].Fail(refused.InnerException);
                        batch.RemoveAt(refused.Index);
                    }
                    catch (Exception exception)
                    {
                        logger.LogWarning("Storage: a transaction of {Writes} write(s) failed ({Error}: {Message}); none was stored",
                            batch.Count, exception.GetType().Name, exception.Message);
                        foreach (var write in batch)
                            write.Fail(exception);
                        // The connection may be broken: the next transaction opens a new one.
                        if (commands is not null)
                            await commands.DisposeAsync();
                        commands = null;
                        break;
                    }
                }
                batch.Clear();
            }
        }
        finally
        {
            if (commands is not null)
                await commands.DisposeAsync();
        }
    }

    private async Task CommitAsync(WriteCommands commands, List<StoreWrite> batch)
    {
        var results = new long[batch.Count];
        var conflicts = new bool[batch.Count];
        var modified = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var transaction = await commands.Connection.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                long? result;
                try
                {
                    result = await commands.ExecuteAsync(transaction, batch[i], modified);
                }
                catch (DbException refused) when (dialect.IsRefusal(refused))
                {
                    throw new WriteRefusedException(i, refused);
                }
                conflicts[i] = result is null;
                results[i] = result ?? 0;
            }
            await transaction.CommitAsync();
        }
        Interlocked.Increment(ref transactions);
        Interlocked.Add(ref writes, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (conflicts[i] && batch[i] is StateWrite conflict)
                conflict.Fail(new StoreConflictException(conflict.Kind, conflict.Key, conflict.ExpectedVersion));
            else
                batch[i].Complete(results[i]);
        }
    }

    internal static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The statement of the write at <see cref="Index"/> failed; the transaction is rolled back.</summary>
    private sealed class WriteRefusedException(int index, DbException inner) : Exception(inner.Message, inner)
    {
        public int Index => index;
    }
}
