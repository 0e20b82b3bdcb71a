namespace Ops.Silo.Parking;

[GenerateSerializer, Alias("ops.parking-lot-state")]
public sealed class ParkingLotState
{
    [Id(0)] public HashSet<string> TemporaryInside { get; set; } = new(StringComparer.Ordinal);
}
