namespace Ops.Silo.Residents;

/// <summary>Which resident holds a card or a plate of a site.</summary>
[GenerateSerializer, Alias("ops.holder-state")]
public sealed class HolderState
{
    [Id(0)] public string? Holder { get; set; }

    /// <summary>When the holder claimed it: until its save is written, its record does not show the claim yet.</summary>
    [Id(1)] public DateTimeOffset? ClaimedAt { get; set; }
}
