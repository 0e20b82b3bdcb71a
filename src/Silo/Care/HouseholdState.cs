using Ops.Contracts.Care;

namespace Ops.Silo.Care;

[GenerateSerializer, Alias("ops.household-state")]
public sealed class HouseholdState
{
    /// <summary>Recent exits of the household's residents through pedestrian gates.</summary>
    [Id(0)] public List<HouseholdExit> Exits { get; set; } = [];

    /// <summary>Children who went out with no one of the household yet seen going out around them.</summary>
    [Id(1)] public List<HouseholdExit> Unescorted { get; set; } = [];
}
