using Ops.Contracts.Residents;
using Ops.Dashboard.Residents;

namespace Ops.Dashboard.Tests.Residents;

public sealed class ResidentRulesTests
{
    private static readonly Resident Valid = new() { Name = "王秀英", Unit = "3-2-1201", Notes = "Knock loudly\nthen wait", Cards = ["AA01"] };

    [Fact]
    public void A_resident_within_the_limits_is_valid() => Assert.False(ResidentRules.Check("r-1", Valid).Any);

    [Theory]
    [InlineData("cards")]
    [InlineData("plates")]
    [InlineData("care")]
    public void Lists_over_their_limit_are_refused_naming_the_field(string field)
    {
        var resident = field switch
        {
            "cards" => Valid with { Cards = [.. Enumerable.Range(0, ResidentRules.MaxCards + 1).Select(i => $"{i:X4}")] },
            "plates" => Valid with { Plates = [.. Enumerable.Range(0, ResidentRules.MaxPlates + 1).Select(i => $"粤B{i:D5}")] },
            _ => Valid with { Care = [.. Enumerable.Repeat("elderly", 1000)] },
        };

        var errors = ResidentRules.Check("r-1", resident).ToDictionary();

        Assert.Contains(errors[field], message => message.Contains("at most"));
    }

    [Theory]
    [InlineData("name", "Wang\u202Egnp.exe")]
    [InlineData("name", "Wang\nLi")]
    [InlineData("unit", "1-1\u0000")]
    [InlineData("building", "\u20663\u2069")]
    [InlineData("phone", "138\u0085")]
    [InlineData("notes", "fine\n\u202Ehidden")]
    public void Control_and_bidi_characters_are_refused_naming_the_field(string field, string text)
    {
        var resident = field switch
        {
            "name" => Valid with { Name = text },
            "unit" => Valid with { Unit = text },
            "building" => Valid with { Building = text },
            "phone" => Valid with { Phone = text },
            _ => Valid with { Notes = text },
        };

        Assert.Equal([field], ResidentRules.Check("r-1", resident).Fields);
    }
}
