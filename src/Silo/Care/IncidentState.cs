namespace Ops.Silo.Care;

[GenerateSerializer, Alias("ops.incident-state")]
public sealed class IncidentState
{
    [Id(0)] public long LastNumber { get; set; }
}
