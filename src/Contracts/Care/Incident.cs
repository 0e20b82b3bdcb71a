namespace Ops.Contracts.Care;

/// <summary>An incident posted for a building or the whole site (body of <c>POST /api/sites/{siteId}/incidents</c>).</summary>
[GenerateSerializer, Immutable, Alias("ops.incident")]
public sealed record Incident
{
    [Id(0)] public string Kind { get; init; } = "";
    [Id(1)] public string? Building { get; init; }
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public string? Detail { get; init; }

    public static bool IsKind(string? kind) => kind is "water-outage" or "power-outage" or "lift-outage" or "other";
}

[GenerateSerializer, Immutable, Alias("ops.incident-posted")]
public sealed record IncidentPosted([property: Id(0)] string IncidentId, [property: Id(1)] IReadOnlyList<string> Situations);
