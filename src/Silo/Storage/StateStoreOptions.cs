namespace Ops.Silo.Storage;

/// <summary>Bounds of one group-commit transaction of <see cref="StateStore"/>.</summary>
public sealed record StateStoreOptions
{
    public int MaxBatchWrites { get; init; } = 1000;

    public int MaxBatchBytes { get; init; } = 4 * 1024 * 1024;
}
