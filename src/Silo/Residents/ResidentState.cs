using Ops.Contracts.Residents;

namespace Ops.Silo.Residents;

[GenerateSerializer, Alias("ops.resident-state")]
public sealed class ResidentState
{
    [Id(0)] public Resident? Resident { get; set; }
    [Id(1)] public Presence Presence { get; set; } = new();

    /// <summary>The last day (site time) the resident was greeted for a birthday: once a day.</summary>
    [Id(2)] public DateOnly? BirthdayGreeted { get; set; }
}
