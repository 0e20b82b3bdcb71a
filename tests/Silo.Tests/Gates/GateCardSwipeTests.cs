using Ops.Contracts.Gates;
using Ops.Silo.Gates;
using Xunit;

namespace Ops.Silo.Tests.Gates;

/// <summary>Delivery (docs/gate-protocol.md) and the pedestrian gate procedure (README): what a gate answers to each event.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GateCardSwipeTests(ClusterFixture cluster)
{
    private readonly TestSite site = new(cluster.Client);

    [Fact]
    public async Task The_card_of_an_active_resident_opens_the_gate_for_the_gates_open_time()
    {
        await site.ProvisionGateAsync("north", openSeconds: 7);
        await site.SaveResidentAsync("r-1", active: true, "04A1B2C3");

        var command = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-1");

        Assert.Equal(GateActions.Open, command.Action);
        Assert.Equal(Reasons.GrantedResident, command.Reason);
        Assert.Equal("swipe-1", command.InReplyTo);
        Assert.Equal(7, command.OpenSeconds);
        Assert.False(string.IsNullOrEmpty(command.CommandId));
        Assert.NotEmpty(command.Display);
    }

    [Fact]
    public async Task An_unknown_card_is_denied()
    {
        await site.ProvisionGateAsync("north");

        var command = await site.SwipeAsync("north", "DEADBEEF", eventId: "swipe-2");

        Assert.Equal(GateActions.Deny, command.Action);
        Assert.Equal(Reasons.DeniedUnknownCard, command.Reason);
        Assert.Equal("swipe-2", command.InReplyTo);
        Assert.Null(command.OpenSeconds);
    }

    [Fact]
    public async Task A_card_of_an_inactive_resident_is_denied()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: false, "04A1B2C3");

        var command = await site.SwipeAsync("north", "04A1B2C3");

        Assert.Equal(GateActions.Deny, command.Action);
        Assert.Equal(Reasons.DeniedInactive, command.Reason);
    }

    [Fact]
    public async Task A_card_swiped_in_lower_case_is_the_residents_card()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2C3");

        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "04a1b2c3")).Reason);
    }

    [Fact]
    public async Task A_card_saved_in_lower_case_opens_when_swiped_in_upper_case()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04a1b2c3");

        Assert.Equal(Reasons.GrantedResident, (await site.SwipeAsync("north", "04A1B2C3")).Reason);
    }

    [Fact]
    public async Task A_residents_card_is_unknown_at_another_site()
    {
        var elsewhere = new TestSite(cluster.Client);
        await site.ProvisionGateAsync("north");
        await elsewhere.SaveResidentAsync("r-1", active: true, "04A1B2C3");

        Assert.Equal(Reasons.DeniedUnknownCard, (await site.SwipeAsync("north", "04A1B2C3")).Reason);
    }

    [Fact]
    public async Task The_same_event_twice_gets_the_same_command()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2C3");

        var first = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-1");
        var again = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-1");

        AssertSameCommand(first, again);
    }

    [Fact]
    public async Task A_redelivered_event_gets_the_same_command_after_the_gate_was_deactivated()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2C3");
        var first = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-1");
        for (var i = 2; i <= GateState.DedupWindow; i++)
            await site.SwipeAsync("north", "04A1B2C3", eventId: $"swipe-{i}");

        await cluster.DeactivateAsync(site.Gate("north"));
        var again = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-1");
        var newest = await site.SwipeAsync("north", "04A1B2C3", eventId: $"swipe-{GateState.DedupWindow}");

        AssertSameCommand(first, again);
        Assert.Equal($"swipe-{GateState.DedupWindow}", newest.InReplyTo);
    }

    [Fact]
    public async Task An_event_older_than_the_window_is_decided_anew()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2C3");
        var first = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-0");
        for (var i = 1; i <= GateState.DedupWindow; i++)
            await site.SwipeAsync("north", "04A1B2C3", eventId: $"swipe-{i}");

        await cluster.DeactivateAsync(site.Gate("north"));
        var again = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-0");

        Assert.NotEqual(first.CommandId, again.CommandId);
    }

    [Fact]
    public async Task A_redelivered_event_gets_its_first_decision_even_after_the_resident_changed()
    {
        await site.ProvisionGateAsync("north");
        await site.SaveResidentAsync("r-1", active: true, "04A1B2C3");
        var first = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-1");

        await site.SaveResidentAsync("r-1", active: false, "04A1B2C3");
        var again = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-1");
        var fresh = await site.SwipeAsync("north", "04A1B2C3", eventId: "swipe-2");

        AssertSameCommand(first, again);
        Assert.Equal(GateActions.Open, again.Action);
        Assert.Equal(Reasons.DeniedInactive, fresh.Reason);
    }

    [Fact]
    public async Task Different_events_get_different_commands()
    {
        await site.ProvisionGateAsync("north");

        var first = await site.SwipeAsync("north", "DEADBEEF", eventId: "swipe-1");
        var second = await site.SwipeAsync("north", "DEADBEEF", eventId: "swipe-2");

        Assert.NotEqual(first.CommandId, second.CommandId);
        Assert.Equal("swipe-2", second.InReplyTo);
    }

    [Fact]
    public async Task The_same_event_id_at_two_gates_is_two_events()
    {
        await site.ProvisionGateAsync("north");
        await site.ProvisionGateAsync("south");

        var north = await site.SwipeAsync("north", "DEADBEEF", eventId: "swipe-1");
        var south = await site.SwipeAsync("south", "DEADBEEF", eventId: "swipe-1");

        Assert.NotEqual(north.CommandId, south.CommandId);
    }

    [Theory]
    [InlineData(EventTypes.DoorOpened)]
    [InlineData(EventTypes.DoorClosed)]
    [InlineData(EventTypes.BarrierClosed)]
    [InlineData(EventTypes.CommandResult)]
    public async Task An_event_that_is_not_a_swipe_gets_no_command(string type)
    {
        await site.ProvisionGateAsync("north");

        var outcome = await site.Gate("north").HandleEventAsync(new GateEvent
        {
            EventId = "evt-1",
            Type = type,
            At = DateTimeOffset.UtcNow,
            CommandId = type == EventTypes.CommandResult ? "cmd-1" : null,
            Ok = type == EventTypes.CommandResult ? true : null,
        });

        Assert.Null(outcome.Command);
    }

    [Fact]
    public async Task A_door_event_shows_in_the_gates_view()
    {
        await site.ProvisionGateAsync("north");
        var at = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));

        await site.Gate("north").HandleEventAsync(new GateEvent { EventId = "evt-1", Type = EventTypes.DoorOpened, At = at });

        var view = Assert.IsType<GateView>(await site.Gate("north").GetAsync());
        Assert.Equal("open", view.Door);
        Assert.True(view.Online);
        Assert.Equal(at, view.LastEventAt);
    }

    private static void AssertSameCommand(GateCommand expected, GateCommand actual)
    {
        Assert.Equal(expected.CommandId, actual.CommandId);
        Assert.Equal(expected.InReplyTo, actual.InReplyTo);
        Assert.Equal(expected.Action, actual.Action);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.OpenSeconds, actual.OpenSeconds);
        Assert.Equal(expected.Display, actual.Display);
        Assert.Equal(expected.Voice, actual.Voice);
    }
}
