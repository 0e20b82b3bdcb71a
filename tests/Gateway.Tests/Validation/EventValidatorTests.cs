using Xunit;
using static Ops.Gateway.Tests.Validation.Payloads;
using static Ops.Gateway.Tests.Validation.Verdicts;

namespace Ops.Gateway.Tests.Validation;

/// <summary>docs/gate-protocol.md events: a valid event of each type comes out with the fields its type carries, normalised.</summary>
public sealed class EventValidatorTests
{
    [Fact]
    public void A_card_swipe_carries_its_id_time_card_and_direction()
    {
        var gateEvent = AcceptedEvent(CardSwiped().With("direction", "out").Bytes());

        Assert.Equal("evt-1", gateEvent.EventId);
        Assert.Equal("card.swiped", gateEvent.Type);
        Assert.Equal(Now, gateEvent.At);
        Assert.Equal(TimeSpan.FromHours(8), gateEvent.At.Offset);
        Assert.Equal("04A1B2C3", gateEvent.Card);
        Assert.Equal("out", gateEvent.Direction);
        Assert.Null(gateEvent.Plate);
    }

    [Fact]
    public void A_card_is_normalised_to_upper_case()
    {
        Assert.Equal("04A1B2C3FF", AcceptedEvent(CardSwiped().With("card", "04a1B2c3ff").Bytes()).Card);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0123456789ABCDEF0123456789abcdef")]
    public void Cards_of_1_to_32_hex_characters_are_accepted(string card)
    {
        Assert.Equal(card.ToUpperInvariant(), AcceptedEvent(CardSwiped().With("card", card).Bytes()).Card);
    }

    [Fact]
    public void A_plate_read_carries_its_plate_direction_and_confidence()
    {
        var gateEvent = AcceptedEvent(PlateRead().With("direction", "out").With("confidence", 87).Bytes());

        Assert.Equal("plate.read", gateEvent.Type);
        Assert.Equal("粤B12345", gateEvent.Plate);
        Assert.Equal("out", gateEvent.Direction);
        Assert.Equal(87, gateEvent.Confidence);
    }

    [Theory]
    [InlineData("粤b 12345")]
    [InlineData("粤B-12345")]
    [InlineData(" 粤b-1 2-345 ")]
    public void A_plate_is_normalised_to_upper_case_without_spaces_or_dashes(string plate)
    {
        var payload = Bytes($$"""{"eventId":"evt-1","type":"plate.read","at":"{{NowText}}","plate":"{{plate}}","direction":"in"}""");

        Assert.Equal("粤B12345", AcceptedEvent(payload).Plate);
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("ABCDEFGH12345678")]
    [InlineData("京A")]
    [InlineData("ΑΒ1234")]
    public void Plates_of_2_to_16_letters_and_digits_are_accepted(string plate)
    {
        Assert.Equal(plate, AcceptedEvent(PlateRead().With("plate", plate).Bytes()).Plate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Confidence_from_0_to_100_is_accepted(int confidence)
    {
        Assert.Equal(confidence, AcceptedEvent(PlateRead().With("confidence", confidence).Bytes()).Confidence);
    }

    [Fact]
    public void A_plate_read_without_confidence_has_none()
    {
        Assert.Null(AcceptedEvent(PlateRead().Bytes()).Confidence);
    }

    [Fact]
    public void A_payment_carries_its_plate_amount_and_method()
    {
        var gateEvent = AcceptedEvent(PaymentCompleted().With("plate", "粤b-12345").With("method", "wechat").Bytes());

        Assert.Equal("payment.completed", gateEvent.Type);
        Assert.Equal("粤B12345", gateEvent.Plate);
        Assert.Equal(900, gateEvent.AmountCents);
        Assert.Equal("wechat", gateEvent.Method);
    }

    [Fact]
    public void A_payment_of_zero_cents_without_a_method_is_accepted()
    {
        var gateEvent = AcceptedEvent(PaymentCompleted().With("amountCents", 0).Bytes());

        Assert.Equal(0, gateEvent.AmountCents);
        Assert.Null(gateEvent.Method);
    }

    [Fact]
    public void A_payment_above_the_range_of_an_int_keeps_every_cent()
    {
        Assert.Equal(3_000_000_000L, AcceptedEvent(PaymentCompleted().With("amountCents", 3_000_000_000L).Bytes()).AmountCents);
    }

    [Theory]
    [InlineData("door.opened")]
    [InlineData("door.closed")]
    [InlineData("door.forced")]
    [InlineData("barrier.opened")]
    [InlineData("barrier.closed")]
    public void Events_without_extra_fields_carry_their_type_and_time(string type)
    {
        var gateEvent = AcceptedEvent(Event(type).Bytes());

        Assert.Equal(type, gateEvent.Type);
        Assert.Equal("evt-1", gateEvent.EventId);
        Assert.Equal(Now, gateEvent.At);
    }

    [Fact]
    public void A_door_held_event_carries_its_seconds()
    {
        Assert.Equal(45, AcceptedEvent(Event("door.held").With("seconds", 45).Bytes()).Seconds);
    }

    [Fact]
    public void A_door_held_event_may_leave_out_its_seconds()
    {
        var gateEvent = AcceptedEvent(Event("door.held").Bytes());

        Assert.Equal("door.held", gateEvent.Type);
        Assert.Null(gateEvent.Seconds);
    }

    [Fact]
    public void A_tamper_event_carries_its_detail()
    {
        Assert.Equal("cover removed", AcceptedEvent(Event("tamper").With("detail", "cover removed").Bytes()).Detail);
    }

    [Fact]
    public void A_fault_carries_its_code_and_detail()
    {
        var gateEvent = AcceptedEvent(Fault().With("detail", "motor stalled").Bytes());

        Assert.Equal("fault", gateEvent.Type);
        Assert.Equal("E42", gateEvent.Code);
        Assert.Equal("motor stalled", gateEvent.Detail);
    }

    [Fact]
    public void A_command_result_carries_its_command_id_ok_and_detail()
    {
        var gateEvent = AcceptedEvent(CommandResult().With("ok", false).With("detail", "jammed").Bytes());

        Assert.Equal("command.result", gateEvent.Type);
        Assert.Equal("cmd-1", gateEvent.CommandId);
        Assert.False(gateEvent.Ok);
        Assert.Equal("jammed", gateEvent.Detail);
    }

    [Fact]
    public void A_successful_command_result_has_ok_true()
    {
        Assert.True(AcceptedEvent(CommandResult().Bytes()).Ok);
    }

    [Theory]
    [InlineData("2025-06-01T00:00:00Z")]
    [InlineData("2025-06-01T00:00:00.250Z")]
    [InlineData("2025-06-01t00:00:00z")]
    [InlineData("2025-05-31T19:00:00-05:00")]
    public void Times_in_any_rfc_3339_form_with_an_offset_are_accepted(string at)
    {
        var expected = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, AcceptedEvent(CardSwiped().With("at", at).Bytes()).At);
    }

    [Fact]
    public void Fields_the_hub_does_not_know_are_ignored()
    {
        var gateEvent = AcceptedEvent(CardSwiped().With("vendorExtension", "x").With("battery", 97).Bytes());

        Assert.Equal("04A1B2C3", gateEvent.Card);
    }
}
