using Ops.Simulator.Day;
using Ops.Simulator.People;

namespace Ops.Simulator.Hub;

/// <summary>Sets up the demo site over the HTTP API: its settings, the resident archive, the vehicle passes
/// and the gates. Seeding again changes nothing but the gates' secrets (and birthdays on a new day).</summary>
public static class SiteSeeder
{
    /// <summary>Requests in flight at once: the archive in parts, passes and gates side by side, so that a
    /// fresh hub is seeded in seconds (each resident is several durable writes in the silo).</summary>
    private const int Parallel = 4;

    public static async Task<IReadOnlyList<DemoGate>> SeedAsync(HubApi api, string siteId, Community community, DateOnly today, TimeSpan day, Action<string> say, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await api.PutSiteAsync(siteId, DemoSite.Config("枫林苑 Maple Court (demo)", day), cancellationToken);
        var parts = community.Households.Select((household, i) => (household, i)).GroupBy(h => h.i % Parallel)
            .Select(part => ArchiveCsv.Write(part.SelectMany(h => h.household.People)));
        var imported = await Task.WhenAll(parts.Select(csv => api.ImportResidentsAsync(siteId, csv, cancellationToken)));
        if (imported.Sum(answer => answer.GetProperty("rejectedCount").GetInt32()) is var rejected and > 0)
            throw new InvalidOperationException($"The hub rejected {rejected} rows of the demo archive: {string.Join(" ", imported.Select(a => a.GetProperty("rejected")))}");
        await System.Threading.Tasks.Parallel.ForEachAsync(community.Passes, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            (pass, cancel) => new ValueTask(api.PutVehicleAsync(siteId, pass.Plate, new { kind = pass.Kind, validUntil = pass.ValidUntil, residentId = pass.ResidentId }, cancel)));

        // Cards for the latency benchmark: residents whose passage raises nothing.
        var cards = DayScript.Passers(community)
            .Where(person => person.Care.Count == 0 && (person.Birthday.Month, person.Birthday.Day) != (today.Month, today.Day))
            .Take(20).Select(person => person.Card).ToList();
        var plates = community.Passes.Select(pass => pass.Plate).ToList();
        var gates = await Task.WhenAll(DemoSite.Gates(day).Select(async gate =>
        {
            var (username, password) = await api.ProvisionGateAsync(siteId, gate.GateId,
                new { name = gate.Name, kind = gate.Kind, direction = gate.Direction, building = gate.Building, heartbeatSeconds = gate.HeartbeatSeconds }, cancellationToken);
            return new DemoGate(siteId, gate.GateId, gate.Kind, username, password, cards, plates, gate.HeartbeatSeconds);
        }));
        var residents = community.Residents.ToList();
        say($"Site '{siteId}' seeded in {started.Elapsed.TotalSeconds:0.0} s: {residents.Count} residents in {community.Households.Count} households "
            + $"({imported.Sum(a => a.GetProperty("created").GetInt32())} new, {imported.Sum(a => a.GetProperty("updated").GetInt32())} updated), "
            + $"{community.Passes.Count} vehicle passes, {gates.Length} gates; {residents.Count(p => p.Care.Count > 0)} residents with care tags, "
            + $"birthdays today: {string.Join(", ", residents.Where(p => (p.Birthday.Month, p.Birthday.Day) == (today.Month, today.Day)).Select(p => p.Name))}");
        return gates;
    }
}
