namespace Ops.Contracts.Care;

/// <summary>Incidents of one site (keyed by siteId): finds the vulnerable households in scope and raises
/// an <c>incident-care</c> situation for each.</summary>
[Alias("ops.incident-grain")]
public interface IIncidentGrain : IGrainWithStringKey
{
    [Alias("post")]
    Task<IncidentPosted> PostAsync(Incident incident, string by);
}
