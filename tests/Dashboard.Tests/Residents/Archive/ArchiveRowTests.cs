using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Tests.Residents.Archive;

public sealed class ArchiveRowTests
{
    private static ArchiveRow Row(string residentId = "r-1", string name = "Wang", string unit = "1-1", string building = "",
        string phone = "", string birthday = "", string care = "", string cards = "", string plates = "", string notes = "", string active = "") =>
        new(2, [residentId, name, unit, building, phone, birthday, care, cards, plates, notes, active]);

    [Fact]
    public void Cells_are_trimmed_and_lists_split_on_semicolons_without_empty_items()
    {
        var resident = Row(residentId: " r-1 ", name: " 王秀英 ", phone: " 138 ", care: " elderly ; ;lives-alone; ", cards: "aa01;", plates: "粤B 12345 ; 京A1").Read().Resident;

        Assert.NotNull(resident);
        Assert.Equal("r-1", resident.ResidentId);
        Assert.Equal("王秀英", resident.Name);
        Assert.Equal("138", resident.Phone);
        Assert.Equal(["elderly", "lives-alone"], resident.Care);
        Assert.Equal(["aa01"], resident.Cards);
        Assert.Equal(["粤B 12345", "京A1"], resident.Plates);
    }

    [Fact]
    public void Empty_optional_cells_are_absent_and_notes_keep_their_text()
    {
        var resident = Row(building: " ", notes: "  indented\nsecond line ").Read().Resident;

        Assert.Null(resident?.Building);
        Assert.Null(resident?.Phone);
        Assert.Null(resident?.Birthday);
        Assert.Equal("  indented\nsecond line ", resident?.Notes);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" false ", false)]
    [InlineData("False", false)]
    public void Active_is_true_or_false_and_true_when_empty(string cell, bool active)
    {
        Assert.Equal(active, Row(active: cell).Read().Resident?.Active);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("0")]
    public void Active_must_be_true_or_false(string cell)
    {
        var (resident, problem) = Row(active: cell).Read();

        Assert.Null(resident);
        Assert.Equal("active: must be true or false", problem);
    }

    [Fact]
    public void A_resident_becomes_the_row_that_reads_back_as_it()
    {
        foreach (var resident in Archives.Awkward())
        {
            var row = ArchiveRow.Of(7, resident);

            Assert.Equal(7, row.Row);
            Assert.Equal(resident.ResidentId, row[ArchiveColumns.ResidentId]);
            Assert.Equal(resident.Active ? "true" : "false", row[ArchiveColumns.Active]);
            Assert.True(Ops.Dashboard.Residents.Archive.ResidentChanges.AreSame(resident, row.Read().Resident!), resident.ResidentId);
        }
    }

    [Fact]
    public void Lists_are_written_joined_by_semicolons()
    {
        var row = ArchiveRow.Of(2, Archives.Awkward()[0]);

        Assert.Equal("elderly;lives-alone", row[ArchiveColumns.Care]);
        Assert.Equal("00AA01;0012", row[ArchiveColumns.Cards]);
        Assert.Equal("粤B12345;京A0001", row[ArchiveColumns.Plates]);
    }
}
