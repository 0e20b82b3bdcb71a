namespace Ops.Simulator.People;

/// <summary>The residents of one unit.</summary>
public sealed record Household(string Unit, string Building, IReadOnlyList<Person> People);
