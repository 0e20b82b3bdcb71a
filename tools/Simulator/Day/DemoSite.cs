namespace Ops.Simulator.Day;

/// <summary>The demo site's gates and settings. Settings that make things happen over a day are shortened
/// in proportion to the compressed day, so that the whole day is seen within a couple of minutes.</summary>
public static class DemoSite
{
    public const string EastDoor = "east-door";
    public const string NorthDoor = "north-door";
    public const string SouthDoor = "south-door";
    public const string GardenGate = "garden-gate";
    public const string CarIn = "car-in";
    public const string CarOut = "car-out";

    public static readonly IReadOnlyList<string> Doors = [EastDoor, NorthDoor, SouthDoor];

    /// <summary>What a visitor pays for a stay of less than an hour (the site's first period).</summary>
    public const int FirstPeriodCents = 500;

    public static IReadOnlyList<GateSetup> Gates(TimeSpan day) =>
    [
        new(EastDoor, "East pedestrian door", "pedestrian", "both", "3", 30),
        new(NorthDoor, "North pedestrian door", "pedestrian", "both", "1", 30),
        new(SouthDoor, "South pedestrian door", "pedestrian", "both", "5", 30),
        new(GardenGate, "Garden gate", "pedestrian", "both", "6", GardenHeartbeatSeconds(day)),
        new(CarIn, "Car park entrance", "vehicle", "in", null, 30),
        new(CarOut, "Car park exit", "vehicle", "out", null, 30),
    ];

    /// <summary>An elderly resident living alone is checked on when not seen for most of the day.</summary>
    /// <remarks>At most the hub's default of a day.</remarks>
    public static int WelfareCheckSeconds(TimeSpan day) => Math.Clamp((int)Math.Round(day.TotalSeconds * 0.8), 10, 86400);

    /// <remarks>At most the hub's default of two minutes.</remarks>
    public static int ChildEscortSeconds(TimeSpan day) => Math.Clamp((int)Math.Round(day.TotalSeconds * 0.15), 5, 120);

    /// <summary>The garden gate, which goes silent during the day, reports often so that it is missed soon.</summary>
    public static int GardenHeartbeatSeconds(TimeSpan day) => Math.Clamp((int)Math.Round(day.TotalSeconds / 9), 2, 30);

    /// <summary>The body of <c>PUT /api/sites/{siteId}</c>; what it leaves out keeps the hub's defaults.</summary>
    public static object Config(string name, TimeSpan day) => new
    {
        name,
        timeZone = "Asia/Shanghai",
        language = "zh-CN",
        parking = new
        {
            capacity = 200,
            allowTemporary = true,
            paidGraceMinutes = 15,
            // Visitors pay from their first minute, so that a stay of a compressed day's hour costs something.
            fee = new { freeMinutes = 0, firstMinutes = 60, firstCents = FirstPeriodCents, periodMinutes = 30, periodCents = 200, dailyCapCents = 3000 },
        },
        care = new
        {
            welfareCheckSeconds = WelfareCheckSeconds(day),
            welcomeBackDays = 7,
            childEscortSeconds = ChildEscortSeconds(day),
            cardHelpDenials = 3,
            cardHelpWindowSeconds = 300,
        },
    };
}
