using System.Text;
using Ops.Contracts.Residents;

namespace Ops.Dashboard.Tests.Residents.Archive;

/// <summary>Archive files and residents for the tests.</summary>
internal static class Archives
{
    public const string Header = "residentId,name,unit,building,phone,birthday,care,cards,plates,notes,active";

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static Resident Resident(string residentId, string name = "王秀英", string unit = "3-2-1201",
        string[]? cards = null, string[]? plates = null, bool active = true) => new()
    {
        ResidentId = residentId,
        Name = name,
        Unit = unit,
        Cards = cards ?? [],
        Plates = plates ?? [],
        Active = active,
    };

    /// <summary>Residents with everything an archive must carry through unchanged.</summary>
    public static IReadOnlyList<Resident> Awkward() =>
    [
        new()
        {
            ResidentId = "r-001",
            Name = "王秀英",
            Unit = "3-2-1201",
            Building = "3",
            Phone = "+86 138 0013 8000",
            Birthday = "1946-03-04",
            Care = ["elderly", "lives-alone"],
            Cards = ["00AA01", "0012"],
            Plates = ["粤B12345", "京A0001"],
            Notes = "Hard of hearing, \"knock loudly\"\nSecond line; with a semicolon",
            Active = true,
        },
        new()
        {
            ResidentId = "r.002",
            Name = "=HYPERLINK(\"http://example.invalid\")",
            Unit = "-1",
            Phone = "0755123",
            Notes = "'quoted by hand",
            Active = false,
        },
        new() { ResidentId = "R_3", Name = "Li Ming", Unit = "7-1-0301", Building = "07", Notes = "@mention", Cards = ["FF"] },
    ];
}
