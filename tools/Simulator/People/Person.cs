namespace Ops.Simulator.People;

/// <summary>One resident of the demo community, as the archive holds them.</summary>
public sealed record Person(
    string ResidentId, string Name, string Unit, string Building, string Phone, DateOnly Birthday,
    IReadOnlyList<string> Care, string Card, string? Plate)
{
    public bool Has(string tag) => Care.Contains(tag);

    /// <summary>Elderly and living alone: the hub watches that they are seen at a gate now and then.</summary>
    public bool Watched => Has("elderly") && Has("lives-alone");

    /// <summary>A passage raises an assistance situation for them.</summary>
    public bool NeedsAssist => Has("wheelchair") || Has("disabled") || Has("visually-impaired");
}
