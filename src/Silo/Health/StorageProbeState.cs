namespace Ops.Silo.Health;

[GenerateSerializer, Alias("ops.storage-probe-state")]
public sealed class StorageProbeState
{
    [Id(0)] public DateTimeOffset? WrittenAt { get; set; }
}
