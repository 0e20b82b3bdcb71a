namespace Ops.Contracts.Parking;

/// <summary>One plate at one site, keyed <c>{siteId}/{PLATE}</c> (normalised): its pass, its stays, and
/// the entry and exit rules of the gate procedure (README) for it.</summary>
[Alias("ops.vehicle-grain")]
public interface IVehicleGrain : IGrainWithStringKey
{
    [Alias("set-pass")]
    Task<VehicleView> SetPassAsync(VehiclePass pass);

    [Alias("get"), Orleans.Concurrency.AlwaysInterleave]
    Task<VehicleView> GetAsync();

    [Alias("read")]
    Task<PlateDecision> ReadAsync(PlateRead read);

    [Alias("pay")]
    Task<PlateDecision> PayAsync(PlateRead payment);
}
