using Ops.Contracts.Residents;

namespace Ops.Dashboard.Tests.Residents;

public sealed class ResidentSearchTests
{
    private static readonly Resident Wang = new()
    {
        ResidentId = "r-1",
        Name = "Wang Xiuying 王秀英",
        Unit = "3-2-1201",
        Phone = "138-0013-8000",
        Cards = ["04A1B2C3"],
        Plates = ["粤B12345"],
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_query_finds_everyone(string? query)
    {
        Assert.True(ResidentSearch.Matches(Wang, query));
    }

    [Theory]
    [InlineData("xiuying")]
    [InlineData("王秀")]
    [InlineData("2-12")]
    [InlineData("0013")]
    [InlineData("a1b2")]
    [InlineData("粤b 123")]
    [InlineData("b-12345")]
    [InlineData(" 3-2-1201 ")]
    public void A_query_finds_a_resident_by_name_unit_phone_card_or_plate(string query)
    {
        Assert.True(ResidentSearch.Matches(Wang, query));
    }

    [Theory]
    [InlineData("li ming")]
    [InlineData("4-1")]
    [InlineData("FFFF")]
    [InlineData("京A")]
    [InlineData("--")]
    public void A_query_finds_no_one_it_does_not_describe(string query)
    {
        Assert.False(ResidentSearch.Matches(Wang, query));
    }
}
