using Ops.Simulator.People;

namespace Ops.Simulator.Day;

/// <summary>A community's day, compressed: from 06:00 to 22:00 in <c>day</c>. The morning rush, a birthday,
/// a wheelchair user, a child with and without a grown-up, a door held open, a gate going silent, a water
/// outage, a visitor paying at the exit, the welfare check of someone not seen, and the evening return.
/// Minor and info moments (birthday, assistance) come first, before the major ones count towards the
/// site's flood control.</summary>
public static class DayScript
{
    public static readonly TimeOnly Dawn = new(6, 0);
    public static readonly TimeOnly Night = new(22, 0);

    /// <summary>The day's clock at <paramref name="at"/> into a compressed day.</summary>
    public static TimeOnly Clock(TimeSpan at, TimeSpan day)
    {
        var share = Math.Clamp(at / day, 0, 1);
        return Dawn.Add((Night - Dawn) * share);
    }

    /// <summary>Residents who come and go without raising anything: no children, no one needing assistance,
    /// no one of the cast's households.</summary>
    public static IEnumerable<Person> Passers(Community community) => community.Residents.Where(person =>
        !person.Has("child") && !person.NeedsAssist && !IsCast(community.Cast, person));

    public static IReadOnlyList<Beat> Build(Community community, TimeSpan day, string visitorPlate, int seed)
    {
        var random = new Random(seed);
        var cast = community.Cast;
        var beats = new List<Beat>();
        TimeSpan At(double share) => day * share;
        void Say(double share, string text) => beats.Add(new Beat.Say(At(share), Clock(At(share), day).ToString("HH:mm"), text));
        var escortSeconds = DemoSite.ChildEscortSeconds(day);
        var heartbeat = DemoSite.GardenHeartbeatSeconds(day);

        // The morning rush: a share of the residents leave on foot, most cars leave; they come back in the evening.
        var walkers = Passers(community).Where(person => !person.Watched).OrderBy(_ => random.Next()).Take(60).ToList();
        var cars = community.Passes.Where(pass => pass.ResidentId is not null).OrderBy(_ => random.Next()).Take(20).ToList();
        Say(0, $"Morning rush: {walkers.Count} residents leave for work and school, {cars.Count} cars leave the car park");
        foreach (var person in walkers)
        {
            var gate = DemoSite.Doors[random.Next(DemoSite.Doors.Count)];
            beats.Add(new Beat.Swipe(At(0.01 + random.NextDouble() * 0.33), gate, person.Card, "out", person.ResidentId));
            beats.Add(new Beat.Swipe(At(0.83 + random.NextDouble() * 0.15), gate, person.Card, "in", person.ResidentId));
        }
        foreach (var car in cars)
        {
            beats.Add(new Beat.PlateRead(At(0.01 + random.NextDouble() * 0.33), DemoSite.CarOut, car.Plate, "out"));
            beats.Add(new Beat.PlateRead(At(0.83 + random.NextDouble() * 0.15), DemoSite.CarIn, car.Plate, "in"));
        }

        Say(0.03, $"A visitor's car {visitorPlate} drives in: the entrance shows the fee standard");
        beats.Add(new Beat.PlateRead(At(0.03), DemoSite.CarIn, visitorPlate, "in"));

        Say(0.05, $"{cast.BirthdayPerson.Name} ({cast.BirthdayPerson.Unit}) goes out on her birthday: the east door greets her");
        beats.Add(new Beat.Swipe(At(0.05), DemoSite.EastDoor, cast.BirthdayPerson.Card, "out", cast.BirthdayPerson.ResidentId));

        Say(0.08, $"{cast.Escort.Name} takes {cast.EscortedChild.Name} to school through the north door: a child with a grown-up");
        beats.Add(new Beat.Swipe(At(0.08), DemoSite.NorthDoor, cast.Escort.Card, "out", cast.Escort.ResidentId));
        beats.Add(new Beat.Swipe(At(0.08) + TimeSpan.FromSeconds(Math.Min(2, escortSeconds / 3.0)), DemoSite.NorthDoor,
            cast.EscortedChild.Card, "out", cast.EscortedChild.ResidentId));

        Say(0.11, $"{cast.WheelchairUser.Name} ({cast.WheelchairUser.Unit}) in his wheelchair at the south door: it stays open longer and staff are asked to help");
        beats.Add(new Beat.Swipe(At(0.11), DemoSite.SouthDoor, cast.WheelchairUser.Card, "out", cast.WheelchairUser.ResidentId));

        Say(0.15, $"{cast.LoneChild.Name} ({cast.LoneChild.Unit}) leaves through the north door alone; the hub waits {escortSeconds} s for a grown-up of the household");
        beats.Add(new Beat.Swipe(At(0.15), DemoSite.NorthDoor, cast.LoneChild.Card, "out", cast.LoneChild.ResidentId));

        Say(0.25, "A delivery props the north door open");
        beats.Add(new Beat.Door(At(0.25), DemoSite.NorthDoor, "door.opened"));
        beats.Add(new Beat.Door(At(0.25) + TimeSpan.FromSeconds(1), DemoSite.NorthDoor, "door.held", 60));
        Say(0.40, "The north door is closed again");
        beats.Add(new Beat.Door(At(0.40), DemoSite.NorthDoor, "door.closed"));

        // Missed after three heartbeat periods (checked every half period); back after five.
        Say(0.28, $"The garden gate's controller hangs: no heartbeat, after {3 * heartbeat} s the hub marks it offline");
        beats.Add(new Beat.Silence(At(0.28), DemoSite.GardenGate, Silent: true));
        var back = At(0.28) + TimeSpan.FromSeconds(5 * heartbeat);
        beats.Add(new Beat.Say(back, Clock(back, day).ToString("HH:mm"), "The garden gate reports again"));
        beats.Add(new Beat.Silence(back, DemoSite.GardenGate, Silent: false));

        Say(0.45, $"Water is cut off in building {cast.OutageBuilding}: the office posts an incident, and the hub lists the households to visit");
        beats.Add(new Beat.Incident(At(0.45), "water-outage", cast.OutageBuilding, $"Water cut off in building {cast.OutageBuilding}",
            "Mains repair until 18:00; drinking water at the gate house."));

        Say(0.60, $"The visitor's car {visitorPlate} leaves: the exit asks for the fee, the driver pays, the barrier opens");
        beats.Add(new Beat.PlateRead(At(0.60), DemoSite.CarOut, visitorPlate, "out"));
        beats.Add(new Beat.Payment(At(0.64), DemoSite.CarOut, visitorPlate, DemoSite.FirstPeriodCents));

        Say(0.80, $"{cast.Unseen.Name} ({cast.Unseen.Unit}, elderly, lives alone) has not passed a gate all day: the hub asks staff to check on her");
        Say(0.82, "Evening: residents come home");
        Say(1.0, "The day is over; the gates go on with quiet traffic");
        return [.. beats.OrderBy(beat => beat.At)];
    }

    /// <summary>Whether the person lives with someone of the cast: the script alone moves those households, so
    /// that nobody else of the unit escorts the child who goes out alone.</summary>
    private static bool IsCast(Cast cast, Person person) =>
        new[] { cast.Unseen, cast.BirthdayPerson, cast.WheelchairUser, cast.LoneChild, cast.EscortedChild, cast.Escort }
            .Any(member => member.Unit == person.Unit);
}
