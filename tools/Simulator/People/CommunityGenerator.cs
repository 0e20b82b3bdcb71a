namespace Ops.Simulator.People;

/// <summary>Generates the demo community: a few hundred residents in households across six buildings, with
/// Chinese and English names, care tags, birthdays (some today), cards, cars and their passes. The same seed
/// and day give the same community, so seeding it again changes nothing but the birthdays of a new day.</summary>
public static class CommunityGenerator
{
    public const int DefaultSeed = 1127;
    public const int Buildings = 6;

    /// <summary>The building where the day's water outage happens; its households are kept free of random
    /// care needs so that the outage's care list is exactly the cast's four households.</summary>
    public const string OutageBuilding = "5";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    private static readonly string[] MaleNames = ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "浩然", "子轩", "建华", "志强", "俊杰", "宇航", "国庆", "文博"];
    private static readonly string[] FemaleNames = ["芳", "娜", "敏", "静", "丽", "艳", "秀英", "桂英", "婷", "雪", "欣怡", "梓涵", "雨桐", "佳怡", "淑珍", "玉兰"];
    private static readonly string[] EnglishMale = ["James", "Oliver", "Daniel", "Thomas", "Michael", "Jack", "William", "Henry", "Samuel", "David"];
    private static readonly string[] EnglishFemale = ["Emily", "Sophie", "Grace", "Lucy", "Hannah", "Amelia", "Chloe", "Olivia", "Isabel", "Ruth"];
    private static readonly string[] EnglishSurnames = ["Carter", "Brown", "Smith", "Wilson", "Taylor", "Evans", "Walker", "Hughes", "Green", "Baker"];

    public static Community Generate(DateOnly today, int targetResidents = 300, int seed = DefaultSeed)
    {
        var builder = new Builder(new Random(seed), today);
        var cast = builder.AddCast();
        while (builder.ResidentCount < targetResidents)
            builder.AddRandomHousehold();
        builder.GiveBirthdayToday(builder.RandomChild());
        return new Community(builder.Households, builder.Passes(), cast);
    }

    private sealed class Builder(Random random, DateOnly today)
    {
        private readonly List<(string Unit, string Building, List<Person> People)> households = [];
        private readonly HashSet<string> units = new(StringComparer.Ordinal);
        private readonly HashSet<string> plates = new(StringComparer.Ordinal);
        private readonly List<CarPass> passes = [];
        private int nextResident = 1001;
        private int firstRandomResident;

        public int ResidentCount => households.Sum(h => h.People.Count);

        public IReadOnlyList<Household> Households =>
            [.. households.OrderBy(h => h.Unit, StringComparer.Ordinal).Select(h => new Household(h.Unit, h.Building, [.. h.People]))];

        public IReadOnlyList<CarPass> Passes() =>
        [
            .. passes,
            new CarPass("粤A88888", "blacklist", null, null),
            new CarPass("粤B12000", "whitelist", null, null),
        ];

        public Cast AddCast()
        {
            var unseen = Household("3-2-1201", [Person("王秀英", 80, ["elderly", "lives-alone"])]);
            var carters = Household("2-1-0601",
            [
                Person("Emily Carter", 35, [], birthdayToday: true, car: true),
                Person("Daniel Carter", 37, []),
            ]);
            var zhao = Household("5-1-0101",
            [
                Person("赵建国", 74, ["elderly", "wheelchair"]),
                Person("李桂英", 72, ["elderly"]),
            ]);
            var liu = Household("4-2-0703",
            [
                Person("刘洋", 40, [], car: true),
                Person("陈静", 38, []),
                Person("刘子涵", 9, ["child"]),
            ]);
            var browns = Household("1-1-0902",
            [
                Person("Sophie Brown", 36, []),
                Person("Oliver Brown", 8, ["child"]),
            ]);
            Household("5-2-0802", [Person("孙丽", 29, ["pregnant"]), Person("马超", 31, [], car: true)]);
            Household("5-1-1503", [Person("周德福", 82, ["elderly"]), Person("吴秀珍", 79, ["elderly", "hearing-impaired"])]);
            Household("5-2-0404", [Person("黄志强", 58, ["ill"]), Person("何娜", 55, [])]);
            firstRandomResident = nextResident;
            return new Cast(unseen[0], carters[0], zhao[0], liu[2], browns[1], browns[0], OutageBuilding);
        }

        public void AddRandomHousehold()
        {
            var building = 1 + random.Next(Buildings);
            var unit = FreeUnit(building);
            var calm = building.ToString() == OutageBuilding;
            var roll = random.Next(100);
            if (roll < 12)
            {
                EnglishHousehold(unit);
                return;
            }
            if (roll < 42)
            {
                var surname = Pick(Surnames);
                var members = new List<Person>
                {
                    Person(surname + Pick(MaleNames), 32 + random.Next(14), [], car: random.Next(2) == 0),
                    Person(Pick(Surnames) + Pick(FemaleNames), 30 + random.Next(14), PregnantMaybe(calm)),
                };
                for (var i = 0; i < 1 + random.Next(2); i++)
                    members.Add(Person(surname + Pick(random.Next(2) == 0 ? MaleNames : FemaleNames), 3 + random.Next(10), ["child"]));
                if (random.Next(5) == 0)
                    members.Add(Person(surname + Pick(FemaleNames), 66 + random.Next(15), ["elderly", .. CareMaybe(calm)]));
                Household(unit, members);
            }
            else if (roll < 62)
            {
                Household(unit,
                [
                    Person(Pick(Surnames) + Pick(MaleNames), 25 + random.Next(35), CareMaybe(calm), car: random.Next(3) == 0),
                    Person(Pick(Surnames) + Pick(FemaleNames), 25 + random.Next(35), CareMaybe(calm)),
                ]);
            }
            else if (roll < 78)
            {
                var female = random.Next(2) == 0;
                Household(unit, [Person(Pick(Surnames) + Pick(female ? FemaleNames : MaleNames), 22 + random.Next(40), CareMaybe(calm), car: random.Next(3) == 0)]);
            }
            else if (roll < 92 && !calm)
            {
                var surname = Pick(Surnames);
                Household(unit,
                [
                    Person(surname + Pick(MaleNames), 66 + random.Next(20), ["elderly", .. CareMaybe(calm)]),
                    Person(Pick(Surnames) + Pick(FemaleNames), 64 + random.Next(20), ["elderly"]),
                ]);
            }
            else if (!calm)
            {
                var female = random.Next(3) > 0;
                Household(unit, [Person(Pick(Surnames) + Pick(female ? FemaleNames : MaleNames), 68 + random.Next(20), ["elderly", "lives-alone"])]);
            }
            else
            {
                Household(unit, [Person(Pick(Surnames) + Pick(MaleNames), 24 + random.Next(20), [])]);
            }
        }

        public Person RandomChild()
        {
            var children = households.SelectMany(h => h.People).Where(p => p.Has("child") && Number(p) >= firstRandomResident && p.Birthday != Birthday(today, p.Birthday.Year)).ToList();
            return children[random.Next(children.Count)];
        }

        public void GiveBirthdayToday(Person person)
        {
            var household = households.Single(h => h.Unit == person.Unit);
            var index = household.People.IndexOf(person);
            household.People[index] = person with { Birthday = Birthday(today, person.Birthday.Year) };
        }

        private static int Number(Person person) => int.Parse(person.ResidentId.AsSpan(2));

        private void EnglishHousehold(string unit)
        {
            var surname = Pick(EnglishSurnames);
            var members = new List<Person>
            {
                Person($"{Pick(EnglishMale)} {surname}", 28 + random.Next(30), [], car: random.Next(2) == 0),
                Person($"{Pick(EnglishFemale)} {surname}", 28 + random.Next(30), []),
            };
            if (random.Next(2) == 0)
                members.Add(Person($"{Pick(EnglishFemale)} {surname}", 4 + random.Next(9), ["child"]));
            Household(unit, members);
        }

        private List<string> CareMaybe(bool calm)
        {
            if (calm)
                return [];
            return random.Next(100) switch
            {
                < 4 => ["ill"],
                < 6 => ["hearing-impaired"],
                < 7 => ["visually-impaired"],
                < 8 => ["disabled"],
                _ => [],
            };
        }

        private List<string> PregnantMaybe(bool calm) => !calm && random.Next(12) == 0 ? ["pregnant"] : [];

        private List<Person> Household(string unit, List<Person> members)
        {
            units.Add(unit);
            var building = unit[..unit.IndexOf('-')];
            var people = members.Select(p => p with { Unit = unit, Building = building }).ToList();
            households.Add((unit, building, people));
            return people;
        }

        private string FreeUnit(int building)
        {
            while (true)
            {
                var unit = $"{building}-{1 + random.Next(2)}-{1 + random.Next(18):00}{1 + random.Next(4):00}";
                if (!units.Contains(unit))
                    return unit;
            }
        }

        private Person Person(string name, int age, IReadOnlyList<string> care, bool birthdayToday = false, bool car = false)
        {
            var id = nextResident++;
            var year = today.Year - age;
            var birthday = birthdayToday ? Birthday(today, year) : OtherDay(year);
            string? plate = null;
            if (car)
            {
                plate = NewPlate();
                passes.Add(random.Next(4) == 0
                    ? new CarPass(plate, "owned", null, $"r-{id}")
                    : new CarPass(plate, "monthly", $"{today.Year + 1}-12-31", $"r-{id}"));
            }
            return new Person($"r-{id}", name, "", "", $"13{random.Next(100_000_000, 999_999_999)}", birthday, care,
                $"{0xC0DE0000 + id:X8}", plate);
        }

        /// <summary>Born on today's day and month in about the given year: on 29 February, in a leap year.</summary>
        private static DateOnly Birthday(DateOnly today, int year)
        {
            while (today is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year))
                year--;
            return new DateOnly(year, today.Month, today.Day);
        }

        private DateOnly OtherDay(int year)
        {
            while (true)
            {
                var day = new DateOnly(year, 1, 1).AddDays(random.Next(365));
                if ((day.Month, day.Day) != (today.Month, today.Day))
                    return day;
            }
        }

        private string NewPlate()
        {
            while (true)
            {
                var plate = $"粤B{(char)('A' + random.Next(26))}{random.Next(1000, 9999)}";
                if (plates.Add(plate))
                    return plate;
            }
        }

        private string Pick(string[] values) => values[random.Next(values.Length)];
    }
}
