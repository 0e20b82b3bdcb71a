namespace Ops.Silo.Residents;

[GenerateSerializer, Alias("ops.card-state")]
public sealed class CardState
{
    [Id(0)] public string? Holder { get; set; }
}
