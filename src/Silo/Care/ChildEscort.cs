using Ops.Contracts.Care;

namespace Ops.Silo.Care;

/// <summary>The care rules (README) child-alone: a child going out is escorted when another resident of the same
/// unit, not a child, went out within <c>childEscortSeconds</c> before or after.</summary>
public static class ChildEscort
{
    public static bool Escorted(HouseholdExit child, IEnumerable<HouseholdExit> exits) =>
        exits.Any(other => !other.Child && other.ResidentId != child.ResidentId
            && (other.At - child.At).Duration() <= TimeSpan.FromSeconds(child.EscortSeconds));

    /// <summary>When the child's window closes and the hub can tell.</summary>
    public static DateTimeOffset WindowEnd(HouseholdExit child) => child.At.AddSeconds(child.EscortSeconds);
}
