namespace Ops.Simulator.People;

/// <summary>A generated community: its households, its vehicle passes and the cast of the day.</summary>
public sealed record Community(IReadOnlyList<Household> Households, IReadOnlyList<CarPass> Passes, Cast Cast)
{
    public IEnumerable<Person> Residents => Households.SelectMany(household => household.People);
}
