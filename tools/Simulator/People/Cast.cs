namespace Ops.Simulator.People;

/// <summary>The residents the day's script is about.</summary>
public sealed record Cast(
    Person Unseen, Person BirthdayPerson, Person WheelchairUser, Person LoneChild,
    Person EscortedChild, Person Escort, string OutageBuilding);
