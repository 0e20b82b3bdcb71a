using Microsoft.Extensions.Time.Testing;
using Ops.Contracts.Situations;
using Ops.Silo.Situations;

namespace Ops.Silo.Tests.Situations;

public sealed class SituationLifecycleTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    private SituationState Raised(string severity = Severity.Major, int slaSeconds = 300, bool shelved = false, string? groupedInto = null)
    {
        var state = new SituationState();
        SituationLifecycle.Open(state, "site.1", new OpenSituation
        {
            SiteId = "site",
            Request = new RaiseRequest
            {
                Kind = "door-held", Severity = severity, Subject = "gate:g1", Title = "Door held", GateId = "g1", At = time.GetUtcNow(),
            },
            Checklist = ["Look", "Act"],
            SlaSeconds = slaSeconds,
            Shelved = shelved,
            GroupedInto = groupedInto,
        }, time.GetUtcNow());
        return state;
    }

    [Fact]
    public void A_new_situation_is_raised_active_once_with_an_unticked_checklist()
    {
        var state = Raised();
        Assert.Equal(SituationStates.Raised, state.State);
        Assert.True(state.Active);
        Assert.Equal(1, state.Occurrences);
        Assert.Equal(["Look", "Act"], state.Checklist.Select(c => c.Step));
        Assert.All(state.Checklist, c => Assert.False(c.Done));
        Assert.Equal("raised", Assert.Single(state.History).Action);
    }

    [Fact]
    public void A_repeat_counts_an_occurrence_and_makes_a_cleared_situation_active_again()
    {
        var state = Raised();
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(SituationLifecycle.Clear(state, "door closed", time.GetUtcNow()));
        Assert.False(SituationLifecycle.Clear(state, "door closed", time.GetUtcNow()));
        SituationLifecycle.Repeat(state, time.GetUtcNow(), "held again", time.GetUtcNow());

        Assert.Equal(2, state.Occurrences);
        Assert.True(state.Active);
        Assert.Equal(time.GetUtcNow(), state.LastAt);
        Assert.Equal(["raised", "cleared", "repeated; active again"], state.History.Select(h => h.Action));
    }

    [Fact]
    public void A_flapping_condition_keeps_its_first_repeats_and_folds_the_rest_into_one_entry()
    {
        var state = Raised();
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            SituationLifecycle.Repeat(state, time.GetUtcNow(), null, time.GetUtcNow());
        }
        Assert.Equal(101, state.Occurrences);
        Assert.Equal(1 + SituationLifecycle.RepeatEntries, state.History.Count);
        Assert.Equal(time.GetUtcNow(), state.History[^1].At);
        Assert.Equal("occurrence 101", state.History[^1].Note);

        SituationLifecycle.Acknowledge(state, "ann", null, time.GetUtcNow());
        SituationLifecycle.Repeat(state, time.GetUtcNow(), null, time.GetUtcNow());
        Assert.Equal(("repeated", "acknowledged"), (state.History[^1].Action, state.History[^2].Action));
    }

    [Fact]
    public void A_late_repeat_does_not_move_last_at_backwards()
    {
        var state = Raised();
        var lastAt = state.LastAt;
        SituationLifecycle.Repeat(state, lastAt.AddMinutes(-5), null, time.GetUtcNow());
        Assert.Equal(lastAt, state.LastAt);
    }

    [Fact]
    public void Acknowledging_twice_or_after_resolving_is_refused_and_changes_nothing()
    {
        var state = Raised();
        Assert.Null(SituationLifecycle.Acknowledge(state, "ann", "on it", time.GetUtcNow()));
        var history = state.History.Count;
        Assert.Contains("already acknowledged by ann", SituationLifecycle.Acknowledge(state, "bob", null, time.GetUtcNow()));
        Assert.Equal("ann", state.AcknowledgedBy);
        Assert.Equal(history, state.History.Count);

        Assert.Null(SituationLifecycle.Resolve(state, "bob", "done", time.GetUtcNow()));
        Assert.NotNull(SituationLifecycle.Acknowledge(state, "ann", null, time.GetUtcNow()));
        Assert.NotNull(SituationLifecycle.Resolve(state, "ann", null, time.GetUtcNow()));
        Assert.NotNull(SituationLifecycle.Assign(state, "ann", "bob", time.GetUtcNow()));
        Assert.Equal("bob", state.ResolvedBy);
    }

    [Fact]
    public void Resolving_a_raised_situation_acknowledges_it_by_the_same_person_at_the_same_time()
    {
        var state = Raised();
        time.Advance(TimeSpan.FromSeconds(42));
        Assert.Null(SituationLifecycle.Resolve(state, "ann", null, time.GetUtcNow()));
        Assert.Equal("ann", state.AcknowledgedBy);
        Assert.Equal(time.GetUtcNow(), state.AcknowledgedAt);
        Assert.Equal(time.GetUtcNow(), state.ResolvedAt);
        Assert.Equal(["raised", "acknowledged", "resolved"], state.History.Select(h => h.Action));
    }

    [Fact]
    public void Ticking_a_step_is_audited_and_a_step_that_does_not_exist_is_refused()
    {
        var state = Raised();
        Assert.Null(SituationLifecycle.Tick(state, "ann", 1, true, "done by radio", time.GetUtcNow()));
        Assert.True(state.Checklist[1].Done);
        var entry = state.History[^1];
        Assert.Equal(("ann", "checked"), (entry.By, entry.Action));
        Assert.Contains("Act", entry.Note);
        Assert.NotNull(SituationLifecycle.Tick(state, "ann", 2, true, null, time.GetUtcNow()));
        Assert.NotNull(SituationLifecycle.Tick(state, "ann", -1, true, null, time.GetUtcNow()));
    }

    [Fact]
    public void An_unacknowledged_situation_escalates_once_per_sla_period()
    {
        var state = Raised(slaSeconds: 60);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        Assert.Equal(1, state.EscalationLevel);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        Assert.Equal(2, state.EscalationLevel);
    }

    [Fact]
    public void Escalations_missed_while_the_hub_was_down_are_each_recorded_at_their_due_time()
    {
        var state = Raised(slaSeconds: 60);
        var raisedAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(200));
        Assert.Equal(3, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        var escalations = state.History.Where(h => h.Action == "escalated").Select(h => h.At).ToList();
        Assert.Equal([raisedAt.AddSeconds(60), raisedAt.AddSeconds(120), raisedAt.AddSeconds(180)], escalations);
        Assert.Equal(raisedAt.AddSeconds(240), state.NextEscalationAt);
    }

    [Fact]
    public void Acknowledging_stops_escalation()
    {
        var state = Raised(slaSeconds: 60);
        time.Advance(TimeSpan.FromSeconds(61));
        SituationLifecycle.Escalate(state, time.GetUtcNow());
        SituationLifecycle.Acknowledge(state, "ann", null, time.GetUtcNow());
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        Assert.Equal(1, state.EscalationLevel);
        Assert.Null(state.NextEscalationAt);
    }

    [Theory]
    [InlineData(Severity.Info, false, false)]
    [InlineData(Severity.Major, true, false)]
    [InlineData(Severity.Minor, false, true)]
    public void Info_shelved_and_grouped_situations_never_escalate(string severity, bool shelved, bool grouped)
    {
        var state = Raised(severity, slaSeconds: 60, shelved: shelved, groupedInto: grouped ? "site.9" : null);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        Assert.Equal(0, state.EscalationLevel);
    }

    [Fact]
    public void An_unshelved_situation_escalates_from_when_its_shelf_ended()
    {
        var state = Raised(slaSeconds: 60, shelved: true);
        time.Advance(TimeSpan.FromMinutes(10));
        SituationLifecycle.Unshelve(state, "the shelf ended", time.GetUtcNow());
        Assert.False(state.Shelved);
        Assert.Equal(0, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, SituationLifecycle.Escalate(state, time.GetUtcNow()));
        Assert.Contains(state.History, h => h.Action == "unshelved");
    }
}
