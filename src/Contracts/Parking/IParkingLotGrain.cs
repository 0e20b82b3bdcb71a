namespace Ops.Contracts.Parking;

/// <summary>The temporary cars inside one site (keyed by siteId), against its capacity.</summary>
[Alias("ops.parking-lot-grain")]
public interface IParkingLotGrain : IGrainWithStringKey
{
    /// <summary>Counts the plate in unless <paramref name="capacity"/> temporary cars are already inside.</summary>
    [Alias("try-admit")]
    Task<bool> TryAdmitAsync(string plate, int capacity);

    [Alias("release")]
    Task ReleaseAsync(string plate);

    [Alias("count"), Orleans.Concurrency.AlwaysInterleave]
    Task<int> CountAsync();
}
