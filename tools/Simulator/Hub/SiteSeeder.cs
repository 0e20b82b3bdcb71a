using Ops.Simulator.Day;
using Ops.Simulator.People;

namespace Ops.Simulator.Hub;

/// <summary>Sets up the demo site over the HTTP API: its settings, the resident archive, the vehicle passes
/// and the gates. Seeding again changes nothing but the gates' secrets (and birthdays on a new day).</summary>
public static class SiteSeeder
{
    public static async Task<IReadOnlyList<DemoGate>> SeedAsync(HubApi api, string siteId, Community community, DateOnly today, TimeSpan day, Action<string> say, CancellationToken cancellationToken)
    {
        await api.PutSiteAsync(siteId, DemoSite.Config("枫林苑 Maple Court (demo)", day), cancellationToken);
        var imported = await api.ImportResidentsAsync(siteId, ArchiveCsv.Write(community.Residents), cancellationToken);
        var rejected = imported.GetProperty("rejectedCount").GetInt32();
        if (rejected > 0)
            throw new InvalidOperationException($"The hub rejected {rejected} rows of the demo archive: {imported.GetProperty("rejected")}");
        foreach (var pass in community.Passes)
            await api.PutVehicleAsync(siteId, pass.Plate, new { kind = pass.Kind, validUntil = pass.ValidUntil, residentId = pass.ResidentId }, cancellationToken);

        var cards = community.Residents.Take(20).Select(person => person.Card).ToList();
        var plates = community.Passes.Select(pass => pass.Plate).ToList();
        var gates = new List<DemoGate>();
        foreach (var gate in DemoSite.Gates(day))
        {
            var (username, password) = await api.ProvisionGateAsync(siteId, gate.GateId,
                new { name = gate.Name, kind = gate.Kind, direction = gate.Direction, building = gate.Building, heartbeatSeconds = gate.HeartbeatSeconds }, cancellationToken);
            gates.Add(new DemoGate(siteId, gate.GateId, gate.Kind, username, password, cards, plates, gate.HeartbeatSeconds));
        }
        var residents = community.Residents.ToList();
        say($"Site '{siteId}': {residents.Count} residents in {community.Households.Count} households "
            + $"({imported.GetProperty("created").GetInt32()} new, {imported.GetProperty("updated").GetInt32()} updated), "
            + $"{community.Passes.Count} vehicle passes, {gates.Count} gates; {residents.Count(p => p.Care.Count > 0)} residents with care needs, "
            + $"birthdays today: {string.Join(", ", residents.Where(p => (p.Birthday.Month, p.Birthday.Day) == (today.Month, today.Day)).Select(p => p.Name))}");
        return gates;
    }
}
