using System.Buffers;
using System.Text;
using Ops.LoadGen;

namespace Ops.Tools.Tests;

public sealed class TimestampTableTests
{
    [Fact]
    public void Event_ids_carry_the_step_and_the_gates_sequence()
    {
        Assert.True(TimestampTable.TryParseEventId(TimestampTable.EventId(3, 1234), out var step, out var sequence));
        Assert.Equal((3, 1234), (step, sequence));
        Assert.False(TimestampTable.TryParseEventId("ev-1042", out _, out _));
        Assert.False(TimestampTable.TryParseEventId("", out _, out _));
    }

    [Fact]
    public void The_first_decision_counts_and_an_event_never_sent_is_ignored()
    {
        var table = new TimestampTable(1, 2, 4);
        Assert.Equal(0, table.RecordSent(1, 100));

        table.RecordDecided(1, 0, 150);
        table.RecordDecided(1, 0, 190);
        table.RecordDecided(1, 1, 160);
        table.RecordDecided(0, 0, 160);

        Assert.Equal(150, table.Decided(1, 0));
        Assert.Equal(0, table.Decided(1, 1));
        Assert.Equal(0, table.Decided(0, 0));
        Assert.True(table.AllDecided());
    }

    [Fact]
    public void A_full_gate_row_refuses_more_events()
    {
        var table = new TimestampTable(1, 1, 1);

        Assert.Equal(0, table.RecordSent(0, 1));
        Assert.Equal(-1, table.RecordSent(0, 2));
        Assert.False(table.AllDecided());
    }

    [Theory]
    [InlineData("""{"commandId":"c-1","inReplyTo":"2-17","action":"open"}""", true, 2, 17)]
    [InlineData("""{"commandId":"c-1","inReplyTo":null,"action":"open"}""", false, 0, 0)]
    [InlineData("""{"display":{"inReplyTo":"2-17"},"action":"open"}""", false, 0, 0)]
    public void A_commands_in_reply_to_is_read_from_the_payload(string json, bool found, int step, int sequence)
    {
        var payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json));

        Assert.Equal(found, GateConnection.TryReadInReplyTo(payload, out var readStep, out var readSequence));
        Assert.Equal((step, sequence), (readStep, readSequence));
    }
}
