using System.Text;
using Ops.Gateway.Validation;
using Xunit;
using static Ops.Gateway.Tests.Validation.Payloads;
using static Ops.Gateway.Tests.Validation.Verdicts;

namespace Ops.Gateway.Tests.Validation;

/// <summary>docs/gate-protocol.md rejects: every way an event can be refused, and what the reject says.</summary>
public sealed class EventValidatorRejectTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{")]
    [InlineData("{\"eventId\": \"evt-1\",}")]
    [InlineData("{'eventId': 'evt-1'}")]
    [InlineData("{\"eventId\": \"evt-1\" /* a comment */}")]
    public void Garbage_is_invalid_json(string payload)
    {
        var reject = RejectedEvent(Bytes(payload));

        Assert.Equal("invalid-json", reject.Reason);
        Assert.Null(reject.EventId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"eventId\": \"evt-1\"}]")]
    [InlineData("\"card.swiped\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_json_value_other_than_an_object_is_invalid_json(string payload)
    {
        Assert.Equal("invalid-json", RejectedEvent(Bytes(payload)).Reason);
    }

    [Theory]
    [InlineData(" x")]
    [InlineData(" {}")]
    [InlineData(" []")]
    [InlineData(" 1")]
    public void Trailing_content_after_the_object_is_invalid_json(string trailing)
    {
        var payload = CardSwiped().Bytes().Concat(Bytes(trailing)).ToArray();

        Assert.Equal("invalid-json", RejectedEvent(payload).Reason);
    }

    [Fact]
    public void Trailing_whitespace_after_the_object_is_fine()
    {
        var payload = CardSwiped().Bytes().Concat(Bytes(" \r\n\t ")).ToArray();

        Assert.Equal("evt-1", AcceptedEvent(payload).EventId);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_invalid_json()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var payload = Bytes($$"""{"eventId":"evt-1","type":"door.opened","at":"{{NowText}}","extra":{{deep}}}""");

        Assert.Equal("invalid-json", RejectedEvent(payload).Reason);
    }

    [Theory]
    [InlineData($$"""{"eventId":"evt-1","type":"card.swiped","type":"fault","at":"{{NowText}}","card":"04A1B2C3","direction":"in"}""")]
    [InlineData($$"""{"eventId":"evt-1","type":"card.swiped","at":"{{NowText}}","card":"04A1B2C3","card":"FFFF","direction":"in"}""")]
    [InlineData($$"""{"eventId":"evt-1","type":"card.swiped","typ\u0065":"fault","at":"{{NowText}}","card":"04A1B2C3","direction":"in"}""")]
    [InlineData($$$"""{"eventId":"evt-1","type":"fault","at":"{{{NowText}}}","code":"E1","extra":{"a":1,"a":2}}""")]
    public void A_repeated_key_is_invalid_json_rather_than_the_last_one_winning(string payload)
    {
        var reject = RejectedEvent(Bytes(payload));

        Assert.Equal("invalid-json", reject.Reason);
        Assert.DoesNotContain("04A1B2C3", reject.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_status_with_a_repeated_key_is_invalid_json()
    {
        Assert.Equal("invalid-json", RejectedStatus(Bytes("""{"online":false,"online":true}""")).Reason);
    }

    [Fact]
    public void Invalid_utf8_is_invalid_json_rather_than_an_exception()
    {
        var payload = Bytes("{\"eventId\":\"evt-")
            .Concat(new byte[] { 0xFF, 0xFE })
            .Concat(Bytes($"\",\"type\":\"door.opened\",\"at\":\"{NowText}\"}}"))
            .ToArray();

        Assert.Equal("invalid-json", RejectedEvent(payload).Reason);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_field_is_refused_rather_than_thrown()
    {
        var payload = Bytes($$"""{"eventId":"evt-1","type":"card.swiped","at":"{{NowText}}","card":"\uD800","direction":"in"}""");

        Assert.Contains(RejectedEvent(payload).Reason, new[] { "invalid-json", "invalid-field:card" });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("[\"evt-1\"]")]
    public void A_missing_or_malformed_event_id_is_an_invalid_field_without_an_event_id(string? eventId)
    {
        var reject = RejectedEvent(CardSwiped().WithRaw("eventId", eventId).Bytes());

        Assert.Equal("invalid-field:eventId", reject.Reason);
        Assert.Null(reject.EventId);
    }

    [Fact]
    public void An_event_id_of_65_characters_is_too_long()
    {
        var reject = RejectedEvent(CardSwiped().With("eventId", new string('e', 65)).Bytes());

        Assert.Equal("invalid-field:eventId", reject.Reason);
    }

    [Fact]
    public void An_event_id_of_64_characters_is_fine()
    {
        var eventId = new string('e', 64);

        Assert.Equal(eventId, AcceptedEvent(CardSwiped().With("eventId", eventId).Bytes()).EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("7")]
    [InlineData("true")]
    [InlineData("null")]
    public void A_missing_or_non_string_type_is_an_invalid_field_that_keeps_the_event_id(string? type)
    {
        var reject = RejectedEvent(CardSwiped().WithRaw("type", type).Bytes());

        Assert.Equal("invalid-field:type", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Theory]
    [InlineData("door.exploded")]
    [InlineData("Card.Swiped")]
    [InlineData("card_swiped")]
    public void A_type_the_hub_does_not_know_is_an_unknown_type(string type)
    {
        var reject = RejectedEvent(Event(type).Bytes());

        Assert.Equal("unknown-type", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"2025-06-01T08:00:00\"")]
    [InlineData("\"2025-06-01\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2025-13-01T08:00:00+08:00\"")]
    [InlineData("\"2025-06-31T08:00:00+08:00\"")]
    [InlineData("\"2025-06-01T08:00:00+0800\"")]
    [InlineData("\"\"")]
    [InlineData("1748736000")]
    [InlineData("null")]
    public void A_missing_offsetless_or_unreadable_at_is_an_invalid_field(string? at)
    {
        var reject = RejectedEvent(CardSwiped().WithRaw("at", at).Bytes());

        Assert.Equal("invalid-field:at", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("\"04A1G2\"")]
    [InlineData("\"04 A1\"")]
    [InlineData("\"0x04A1\"")]
    [InlineData("\"123456789012345678901234567890123\"")]
    [InlineData("1234")]
    [InlineData("null")]
    public void A_card_that_is_not_1_to_32_hex_characters_is_an_invalid_field(string? card)
    {
        var reject = RejectedEvent(CardSwiped().WithRaw("card", card).Bytes());

        Assert.Equal("invalid-field:card", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Fact]
    public void A_card_with_a_trailing_newline_is_an_invalid_field()
    {
        var reject = RejectedEvent(CardSwiped().With("card", "04A1B2C3\n").Bytes());

        Assert.Equal("invalid-field:card", reject.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"both\"")]
    [InlineData("\"IN\"")]
    [InlineData("\"\"")]
    [InlineData("1")]
    public void A_card_swipe_without_an_in_or_out_direction_is_an_invalid_field(string? direction)
    {
        var reject = RejectedEvent(CardSwiped().WithRaw("direction", direction).Bytes());

        Assert.Equal("invalid-field:direction", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"sideways\"")]
    public void A_plate_read_without_an_in_or_out_direction_is_an_invalid_field(string? direction)
    {
        Assert.Equal("invalid-field:direction", RejectedEvent(PlateRead().WithRaw("direction", direction).Bytes()).Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("\"B\"")]
    [InlineData("\"- -\"")]
    [InlineData("\"ABCDEFGHIJ1234567\"")]
    [InlineData("\"粤B.12345\"")]
    [InlineData("\"粤B_12345\"")]
    [InlineData("12345")]
    public void A_plate_that_is_not_2_to_16_letters_and_digits_is_an_invalid_field(string? plate)
    {
        var reject = RejectedEvent(PlateRead().WithRaw("plate", plate).Bytes());

        Assert.Equal("invalid-field:plate", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("101")]
    [InlineData("50.5")]
    [InlineData("\"90\"")]
    [InlineData("true")]
    public void A_confidence_outside_0_to_100_is_an_invalid_field(string confidence)
    {
        var reject = RejectedEvent(PlateRead().WithRaw("confidence", confidence).Bytes());

        Assert.Equal("invalid-field:confidence", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("-1")]
    [InlineData("12.5")]
    [InlineData("\"900\"")]
    [InlineData("null")]
    public void A_missing_negative_or_fractional_amount_is_an_invalid_field(string? amountCents)
    {
        var reject = RejectedEvent(PaymentCompleted().WithRaw("amountCents", amountCents).Bytes());

        Assert.Equal("invalid-field:amountCents", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Fact]
    public void A_payment_without_a_plate_is_an_invalid_field()
    {
        Assert.Equal("invalid-field:plate", RejectedEvent(PaymentCompleted().Without("plate").Bytes()).Reason);
    }

    [Fact]
    public void A_payment_method_that_is_not_a_string_is_an_invalid_field()
    {
        Assert.Equal("invalid-field:method", RejectedEvent(PaymentCompleted().With("method", 3).Bytes()).Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_fault_without_a_code_is_an_invalid_field(string? code)
    {
        var reject = RejectedEvent(Fault().WithRaw("code", code).Bytes());

        Assert.Equal("invalid-field:code", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Fact]
    public void A_fault_detail_that_is_not_a_string_is_an_invalid_field()
    {
        Assert.Equal("invalid-field:detail", RejectedEvent(Fault().With("detail", 5).Bytes()).Reason);
    }

    [Fact]
    public void A_tamper_detail_that_is_not_a_string_is_an_invalid_field()
    {
        Assert.Equal("invalid-field:detail", RejectedEvent(Event("tamper").With("detail", false).Bytes()).Reason);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"30\"")]
    [InlineData("2.5")]
    public void Door_held_seconds_that_are_not_a_whole_number_of_0_or_more_are_an_invalid_field(string seconds)
    {
        Assert.Equal("invalid-field:seconds", RejectedEvent(Event("door.held").WithRaw("seconds", seconds).Bytes()).Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("17")]
    public void A_command_result_without_a_command_id_is_an_invalid_field(string? commandId)
    {
        var reject = RejectedEvent(CommandResult().WithRaw("commandId", commandId).Bytes());

        Assert.Equal("invalid-field:commandId", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Fact]
    public void A_command_id_of_65_characters_is_an_invalid_field()
    {
        var reject = RejectedEvent(CommandResult().With("commandId", new string('c', 65)).Bytes());

        Assert.Equal("invalid-field:commandId", reject.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void A_command_result_without_a_boolean_ok_is_an_invalid_field(string? ok)
    {
        var reject = RejectedEvent(CommandResult().WithRaw("ok", ok).Bytes());

        Assert.Equal("invalid-field:ok", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Fact]
    public void A_payload_over_16_KiB_is_too_large()
    {
        var reject = RejectedEvent(Padded(CardSwiped().Bytes(), EventValidator.MaxPayloadBytes + 1));

        Assert.Equal("too-large", reject.Reason);
    }

    [Fact]
    public void A_payload_over_16_KiB_is_too_large_even_when_it_is_not_json()
    {
        var reject = RejectedEvent(Encoding.ASCII.GetBytes(new string('x', 16 * 1024 + 1)));

        Assert.Equal("too-large", reject.Reason);
    }

    [Fact]
    public void A_payload_of_exactly_16_KiB_is_accepted()
    {
        var payload = Padded(CardSwiped().Bytes(), 16 * 1024);

        Assert.Equal(16 * 1024, payload.Length);
        Assert.Equal("evt-1", AcceptedEvent(payload).EventId);
    }

    [Fact]
    public void An_event_more_than_300_seconds_in_the_future_is_clock_skew()
    {
        var reject = RejectedEvent(CardSwiped().With("at", Time(Now.AddSeconds(301))).Bytes());

        Assert.Equal("clock-skew", reject.Reason);
        Assert.Equal("evt-1", reject.EventId);
    }

    [Fact]
    public void Clock_skew_compares_instants_whatever_the_offset_of_at()
    {
        var ahead = Now.AddSeconds(301).ToOffset(TimeSpan.FromHours(-5));

        Assert.Equal("clock-skew", RejectedEvent(CardSwiped().With("at", Time(ahead)).Bytes()).Reason);
    }

    [Theory]
    [InlineData(299)]
    [InlineData(300)]
    [InlineData(0)]
    [InlineData(-60)]
    public void An_event_at_most_300_seconds_ahead_is_accepted(int secondsAhead)
    {
        var at = Now.AddSeconds(secondsAhead).ToUniversalTime();

        Assert.Equal(at, AcceptedEvent(CardSwiped().With("at", Time(at)).Bytes()).At);
    }

    [Fact]
    public void An_event_from_long_ago_is_accepted_because_gates_send_buffered_events_late()
    {
        var at = Now.AddYears(-3);

        Assert.Equal(at, AcceptedEvent(CardSwiped().With("at", Time(at)).Bytes()).At);
    }

    /// <summary>The payload with spaces before its closing brace, to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(byte[] payload, int length)
    {
        var padding = Enumerable.Repeat((byte)' ', length - payload.Length);
        return [.. payload[..^1], .. padding, .. payload[^1..]];
    }
}
