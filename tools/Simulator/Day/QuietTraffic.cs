using Ops.Simulator.People;

namespace Ops.Simulator.Day;

/// <summary>The ordinary comings and goings around the day's script: residents on foot at the doors, cars
/// with passes at the car park, now and then a card nobody holds. It keeps who is out, so that a car
/// never enters twice in a row. Residents and cars the script moves are left to the script.</summary>
public sealed class QuietTraffic(Community community, IReadOnlyList<Beat> script, Random random)
{
    private readonly List<Person> walkers = Pool(community, script);
    private readonly List<string> cars = [.. community.Passes
        .Where(pass => pass.ResidentId is not null && !script.OfType<Beat.PlateRead>().Any(read => read.Plate == pass.Plate))
        .Select(pass => pass.Plate)];
    private readonly HashSet<string> away = new(StringComparer.Ordinal);

    /// <summary>The next ordinary event at <paramref name="at"/>, at a door that is not silent.</summary>
    public Beat Next(TimeSpan at, Func<string, bool> usable)
    {
        var doors = DemoSite.Doors.Where(usable).ToList();
        var roll = random.Next(100);
        if (roll < 25 && cars.Count > 0)
        {
            var plate = cars[random.Next(cars.Count)];
            var leaving = away.Add(plate);
            if (!leaving)
                away.Remove(plate);
            return new Beat.PlateRead(at, leaving ? DemoSite.CarOut : DemoSite.CarIn, plate, leaving ? "out" : "in");
        }
        if (roll < 28 || walkers.Count == 0)
            return new Beat.Swipe(at, doors[random.Next(doors.Count)], $"{random.Next(0x10000000, int.MaxValue):X8}", "in", "");
        var person = walkers[random.Next(walkers.Count)];
        var goingOut = away.Add(person.ResidentId);
        if (!goingOut)
            away.Remove(person.ResidentId);
        return new Beat.Swipe(at, doors[random.Next(doors.Count)], person.Card, goingOut ? "out" : "in", person.ResidentId);
    }

    private static List<Person> Pool(Community community, IReadOnlyList<Beat> script)
    {
        var scripted = script.OfType<Beat.Swipe>().Select(swipe => swipe.ResidentId).ToHashSet(StringComparer.Ordinal);
        return [.. DayScript.Passers(community).Where(person => !person.Watched && !scripted.Contains(person.ResidentId))];
    }
}
