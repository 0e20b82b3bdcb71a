using Ops.Contracts.Care;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Care;

public sealed class IncidentGrain(
    [PersistentState("incidents", GrainStorage.Name)] IPersistentState<IncidentState> state,
    TimeProvider time) : Grain, IIncidentGrain
{
    private string SiteId => this.GetPrimaryKeyString();

    public async Task<IncidentPosted> PostAsync(Incident incident, string by)
    {
        var incidentId = $"{SiteId}-incident-{++state.State.LastNumber}";
        await state.WriteStateAsync();

        var residents = await GrainFactory.GetGrain<IResidentDirectoryGrain>(SiteId).ActiveInBuildingAsync(incident.Building);
        var situations = GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId);
        var raised = new List<string>();
        var now = time.GetUtcNow();
        foreach (var household in IncidentCare.InNeed(residents, incident.Building))
        {
            var view = await situations.RaiseAsync(new RaiseRequest
            {
                Kind = SituationKinds.IncidentCare,
                Severity = Severity.Major,
                Subject = $"incident:{incidentId}:{household.Unit}",
                Title = $"{incident.Title}: check on {household.Unit}",
                Detail = $"{IncidentCare.Detail(household)}. Incident {incidentId} ({incident.Kind}) posted by {by}{(incident.Detail is null ? "" : $": {incident.Detail}")}",
                ResidentId = IncidentCare.FirstToVisit(household).ResidentId,
                Unit = household.Unit,
                At = now,
                Checklist = IncidentCare.Checklist(incident.Kind),
            });
            raised.Add(view.Id);
        }
        return new IncidentPosted(incidentId, raised);
    }
}
