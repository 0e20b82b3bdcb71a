namespace Ops.Silo.Residents;

[GenerateSerializer, Alias("ops.plate-state")]
public sealed class PlateState
{
    [Id(0)] public string? Holder { get; set; }
}
