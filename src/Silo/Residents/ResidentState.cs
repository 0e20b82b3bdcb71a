using Ops.Contracts.Residents;

namespace Ops.Silo.Residents;

[GenerateSerializer, Alias("ops.resident-state")]
public sealed class ResidentState
{
    [Id(0)] public Resident? Resident { get; set; }
    [Id(1)] public Presence Presence { get; set; } = new();
}
