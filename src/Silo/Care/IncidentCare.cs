using Ops.Contracts.Care;
using Ops.Contracts.Residents;

namespace Ops.Silo.Care;

/// <summary>The care rules (README) incidents: which households in scope need a visit, and what to do there.</summary>
public static class IncidentCare
{
    public static readonly IReadOnlySet<string> VulnerableTags = new HashSet<string>(StringComparer.Ordinal) { "disabled", "wheelchair", "ill", "pregnant" };

    public sealed record Household(string Unit, IReadOnlyList<Resident> Residents);

    /// <summary>Households of active residents in the building (or the whole site) where someone is
    /// disabled, in a wheelchair, ill or pregnant, or where every resident is elderly.</summary>
    public static IReadOnlyList<Household> InNeed(IEnumerable<Resident> residents, string? building) =>
    [
        .. residents
            .Where(r => ActiveIn(r, building))
            .GroupBy(r => r.Unit, StringComparer.Ordinal)
            .Where(unit => unit.Any(r => r.Care.Any(VulnerableTags.Contains)) || unit.All(r => r.Care.Contains("elderly")))
            .OrderBy(unit => unit.Key, StringComparer.Ordinal)
            .Select(unit => new Household(unit.Key, [.. unit.OrderBy(r => r.ResidentId, StringComparer.Ordinal)])),
    ];

    /// <summary>Whether the resident is active and lives in the building (anywhere on the site without one).</summary>
    public static bool ActiveIn(Resident resident, string? building) =>
        resident.Active && (building is null || string.Equals(resident.Building?.Trim(), building.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The resident a staff member asks for first: the one with the most pressing needs.</summary>
    public static Resident FirstToVisit(Household household) =>
        household.Residents.FirstOrDefault(r => r.Care.Any(VulnerableTags.Contains)) ?? household.Residents[0];

    public static string Detail(Household household) => "Residents: " + string.Join("; ", household.Residents.Select(r =>
        r.Care.Count == 0 ? r.Name : $"{r.Name} ({string.Join(", ", r.Care)})"));

    public static IReadOnlyList<string> Checklist(string kind) => kind switch
    {
        "water-outage" => ["Call the household", "Deliver drinking water", "Check again when the water is back"],
        "power-outage" => ["Call the household", "Bring a torch and check any medical devices", "Check again when the power is back"],
        "lift-outage" => ["Call the household", "Offer help with stairs, shopping and deliveries", "Check again when the lift works"],
        _ => ["Call the household", "Visit and ask what they need", "Check again when the incident is over"],
    };
}
