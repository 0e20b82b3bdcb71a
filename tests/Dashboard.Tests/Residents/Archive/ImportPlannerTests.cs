using Ops.Contracts.Residents;
using Ops.Dashboard.Residents.Archive;

namespace Ops.Dashboard.Tests.Residents.Archive;

public sealed class ImportPlannerTests
{
    private static IReadOnlyList<ArchiveRow> Rows(params Resident[] residents) =>
        [.. residents.Select((resident, index) => ArchiveRow.Of(index + 2, resident))];

    private static IReadOnlyList<RowOutcome> Plan(IReadOnlyList<ArchiveRow> rows, params Resident[] stored) => ImportPlanner.Plan(rows, stored);

    [Fact]
    public void New_residents_are_created_changed_ones_updated_and_the_same_ones_left_unchanged()
    {
        var stored = new[] { Archives.Resident("r-1"), Archives.Resident("r-2") };

        var plan = Plan(Rows(Archives.Resident("r-1"), Archives.Resident("r-2", name: "陈静"), Archives.Resident("r-3")), stored);

        Assert.Equal([RowVerdict.Unchanged, RowVerdict.Updated, RowVerdict.Created], plan.Select(o => o.Verdict));
        Assert.Equal("陈静", plan[1].Resident?.Name);
        Assert.Null(plan[0].Resident);
    }

    [Fact]
    public void Residents_are_planned_as_put_stores_them()
    {
        var plan = Plan(Rows(Archives.Resident("r-1", name: " Wang ", cards: ["aa01", "AA01"], plates: ["粤b 12345"])));

        var resident = Assert.Single(plan).Resident;
        Assert.Equal("Wang", resident?.Name);
        Assert.Equal(["AA01"], resident?.Cards);
        Assert.Equal(["粤B12345"], resident?.Plates);
    }

    [Fact]
    public void A_stored_resident_differing_only_in_spelling_is_unchanged()
    {
        var stored = Archives.Resident("r-1", cards: ["AA01"], plates: ["粤B12345"]) with { Building = "", Phone = " 138 " };

        var plan = Plan(Rows(Archives.Resident("r-1", cards: ["aa01"], plates: ["粤b-12345"]) with { Phone = "138" }), stored);

        Assert.Equal(RowVerdict.Unchanged, Assert.Single(plan).Verdict);
    }

    [Fact]
    public void A_row_that_breaks_the_rules_of_put_is_rejected_naming_each_field()
    {
        var plan = Plan([new ArchiveRow(2, ["r 1", "", "1-1", "", "", "1990-02-30", "grumpy", "xyz", "", "", ""])]);

        var rejected = Assert.Single(plan);
        Assert.Equal(RowVerdict.Rejected, rejected.Verdict);
        foreach (var field in new[] { "residentId:", "name:", "birthday:", "care:", "cards:" })
            Assert.Contains(field, rejected.Reason);
    }

    [Fact]
    public void A_row_that_cannot_be_read_is_rejected_with_its_problem()
    {
        var plan = Plan([ArchiveRow.Unreadable(4, "has 3 cells where the header has 11")]);

        Assert.Equal(new RowOutcome(4, RowVerdict.Rejected, Reason: "has 3 cells where the header has 11"), Assert.Single(plan));
    }

    [Fact]
    public void A_residentId_on_two_rows_is_rejected_on_the_later_one()
    {
        var plan = Plan(Rows(Archives.Resident("r-1"), Archives.Resident("r-2"), Archives.Resident("r-1", name: "Other")));

        Assert.Equal([RowVerdict.Created, RowVerdict.Created, RowVerdict.Rejected], plan.Select(o => o.Verdict));
        Assert.Equal("residentId 'r-1' is also on row 2", plan[2].Reason);
    }

    [Fact]
    public void A_card_on_two_active_rows_is_rejected_on_the_later_one()
    {
        var plan = Plan(Rows(Archives.Resident("r-1", cards: ["aa0001"]), Archives.Resident("r-2", cards: ["AA0001"])));

        Assert.Equal(RowVerdict.Rejected, plan[1].Verdict);
        Assert.Equal("card ending 0001 is also on row 2", plan[1].Reason);
    }

    [Fact]
    public void A_plate_on_two_active_rows_is_rejected_whatever_its_spelling()
    {
        var plan = Plan(Rows(Archives.Resident("r-1", plates: ["粤B12345"]), Archives.Resident("r-2", plates: ["粤b-123 45"])));

        Assert.Equal("plate 粤B12345 is also on row 2", plan[1].Reason);
    }

    [Fact]
    public void A_card_of_an_inactive_row_may_be_on_an_active_row_too()
    {
        var plan = Plan(Rows(Archives.Resident("moved-out", cards: ["AA01"], active: false), Archives.Resident("r-2", cards: ["AA01"])));

        Assert.All(plan, outcome => Assert.Equal(RowVerdict.Created, outcome.Verdict));
    }

    [Fact]
    public void An_active_row_with_a_card_or_plate_of_another_active_resident_is_rejected()
    {
        var stored = new[] { Archives.Resident("holder", cards: ["AA0001"], plates: ["粤B12345"]) };

        var plan = Plan(Rows(Archives.Resident("r-1", cards: ["aa0001"]), Archives.Resident("r-2", plates: ["粤b12345"]), Archives.Resident("r-3", cards: ["AA0001"], active: false)), stored);

        Assert.Equal("Card ending 0001 belongs to active resident 'holder'", plan[0].Reason);
        Assert.Equal("Plate 粤B12345 belongs to active resident 'holder'", plan[1].Reason);
        Assert.Equal(RowVerdict.Created, plan[2].Verdict);
    }

    [Fact]
    public void A_card_of_an_inactive_resident_may_be_taken()
    {
        var plan = Plan(Rows(Archives.Resident("r-1", cards: ["AA01"])), Archives.Resident("moved-out", cards: ["AA01"], active: false));

        Assert.Equal(RowVerdict.Created, Assert.Single(plan).Verdict);
    }

    [Fact]
    public void A_card_given_up_by_an_earlier_row_may_be_taken_by_a_later_one_but_not_before()
    {
        var stored = new[] { Archives.Resident("r-1", cards: ["AA01"]) };

        var inOrder = Plan(Rows(Archives.Resident("r-1"), Archives.Resident("r-2", cards: ["AA01"])), stored);
        var tooEarly = Plan(Rows(Archives.Resident("r-2", cards: ["AA01"]), Archives.Resident("r-1")), stored);

        Assert.Equal([RowVerdict.Updated, RowVerdict.Created], inOrder.Select(o => o.Verdict));
        Assert.Equal([RowVerdict.Rejected, RowVerdict.Updated], tooEarly.Select(o => o.Verdict));
    }

    [Fact]
    public void A_resident_moved_out_by_an_earlier_row_frees_its_plate()
    {
        var stored = new[] { Archives.Resident("r-1", plates: ["粤B12345"]) };

        var plan = Plan(Rows(Archives.Resident("r-1", plates: ["粤B12345"], active: false), Archives.Resident("r-2", plates: ["粤B12345"])), stored);

        Assert.Equal([RowVerdict.Updated, RowVerdict.Created], plan.Select(o => o.Verdict));
    }

    [Fact]
    public void Planning_the_same_rows_again_after_they_were_applied_changes_nothing()
    {
        var rows = Rows([.. Archives.Awkward().Select(resident => resident with { Cards = [.. resident.Cards.Select(card => card.ToLowerInvariant())] })]);
        var applied = Plan(rows).Where(outcome => outcome.Stores).Select(outcome => outcome.Resident!).ToArray();

        var again = Plan(rows, applied);

        Assert.All(again, outcome => Assert.Equal(RowVerdict.Unchanged, outcome.Verdict));
    }

    [Fact]
    public void The_answer_counts_each_verdict_and_lists_the_rejected_rows()
    {
        var result = ImportResult.Of(
        [
            new RowOutcome(2, RowVerdict.Created), new RowOutcome(3, RowVerdict.Created), new RowOutcome(4, RowVerdict.Updated),
            new RowOutcome(5, RowVerdict.Unchanged), RowOutcome.Rejected(6, "why"),
        ], dryRun: true);

        Assert.Equal(new ImportResult(2, 1, 1, result.Rejected, 1, true), result);
        Assert.Equal([new RejectedRow(6, "why")], result.Rejected);
    }

    [Fact]
    public void The_answer_lists_a_bounded_number_of_rejected_rows_with_short_reasons_and_counts_them_all()
    {
        var outcomes = Enumerable.Range(2, 5000).Select(row => RowOutcome.Rejected(row, new string('x', 5000))).ToList();

        var result = ImportResult.Of(outcomes, dryRun: false);

        Assert.Equal(ArchiveLimits.MaxListedRejects, result.Rejected.Count);
        Assert.Equal(5000, result.RejectedCount);
        Assert.All(result.Rejected, reject => Assert.True(reject.Reason.Length <= ImportResult.MaxReasonLength));
    }

    [Fact]
    public void A_repeated_residentId_is_quoted_by_its_start_only()
    {
        var id = new string('a', 3000);
        var rows = ArchiveReader.ReadCsv(Archives.Csv(Archives.Header, $"{id},A,1-1,,,,,,,,", $"{id},B,1-2,,,,,,,,"));

        var outcomes = ImportPlanner.Plan(rows, []);

        Assert.All(outcomes, outcome => Assert.Equal(RowVerdict.Rejected, outcome.Verdict));
        Assert.All(outcomes, outcome => Assert.True(outcome.Reason!.Length < 100, outcome.Reason));
    }
}
