using Ops.Contracts.Residents;

namespace Ops.Dashboard.Tests.Residents;

public sealed class PackedResidentsTests
{
    [Fact]
    public void Unpacks_every_field_as_packed_in_the_same_order()
    {
        Resident[] residents =
        [
            new()
            {
                ResidentId = "r-2", Name = "王秀英 Wang Xiuying", Unit = "3-2-1201", Building = "3", Phone = "138-0013-8000",
                Birthday = "1941-03-08", Care = ["elderly-alone", "wheelchair"], Cards = ["04A1B2C3", "04A1B2C4"],
                Plates = ["粤B12345"], Notes = "Line one\nline two, \"quoted\"", Active = false,
            },
            new() { ResidentId = "r-1", Name = "", Unit = "" },
        ];

        var unpacked = PackedResidents.Pack(residents).Unpack();

        Assert.Equal(2, unpacked.Count);
        Assert.Equivalent(residents[0], unpacked[0], strict: true);
        Assert.Equivalent(residents[1], unpacked[1], strict: true);
        Assert.Null(unpacked[1].Building);
        Assert.Null(unpacked[1].Notes);
        Assert.True(unpacked[1].Active);
    }

    [Fact]
    public void No_residents_pack_to_none()
    {
        Assert.Empty(PackedResidents.Pack([]).Unpack());
    }

    [Fact]
    public void A_pack_of_another_layout_is_refused()
    {
        var bytes = PackedResidents.Pack([new Resident { ResidentId = "r-1", Name = "A", Unit = "1" }]).Bytes;
        bytes[0] = 99;

        Assert.Throws<InvalidDataException>(() => new PackedResidents { Bytes = bytes }.Unpack());
    }
}
