namespace Ops.Silo.Residents;

/// <summary>Which resident holds a card or a plate of a site.</summary>
[GenerateSerializer, Alias("ops.holder-state")]
public sealed class HolderState
{
    [Id(0)] public string? Holder { get; set; }
}
