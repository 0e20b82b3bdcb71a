namespace Ops.Contracts.Health;

/// <summary>For <c>/health/ready</c>: reads a grain's state from the hub's grain storage, so a failing database
/// shows as such rather than as a silo that does not answer.</summary>
[Alias("ops.storage-probe-grain")]
public interface IStorageProbeGrain : IGrainWithIntegerKey
{
    [Alias("probe")]
    Task ProbeAsync();
}
