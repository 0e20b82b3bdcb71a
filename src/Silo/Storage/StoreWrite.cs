namespace Ops.Silo.Storage;

/// <summary>One change waiting for the next group commit of <see cref="StateStore"/>. Its task completes when
/// the transaction holding it has committed, and fails when that transaction fails.</summary>
public abstract record StoreWrite
{
    private readonly TaskCompletionSource<long> done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The new version of a state write, the sequence number of an append, or the rows removed by a trim.</summary>
    public Task<long> Completion => done.Task;

    internal void Complete(long result) => done.TrySetResult(result);

    internal void Fail(Exception exception) => done.TrySetException(exception);

    /// <summary>Roughly the bytes this write sends to the database, to bound a transaction's size.</summary>
    internal abstract int Size { get; }
}

/// <summary>Stores a grain's state when its version is still <paramref name="ExpectedVersion"/> (null: no record yet).</summary>
public sealed record StateWrite(string Kind, string Key, long? ExpectedVersion, byte[]? Payload) : StoreWrite
{
    internal override int Size => 64 + Key.Length + (Payload?.Length ?? 0);
}

/// <summary>Adds an entry to a grain's log (an append-only series under one key, numbered by its owner).</summary>
public sealed record LogAppend(string Log, string Key, long Sequence, byte[] Payload) : StoreWrite
{
    internal override int Size => 64 + Key.Length + Payload.Length;
}

/// <summary>Removes a log's entries numbered below <paramref name="Below"/>.</summary>
public sealed record LogTrim(string Log, string Key, long Below) : StoreWrite
{
    internal override int Size => 64 + Key.Length;
}
