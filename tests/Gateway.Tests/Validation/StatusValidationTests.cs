using Ops.Gateway.Validation;
using Xunit;
using static Ops.Gateway.Tests.Validation.Payloads;
using static Ops.Gateway.Tests.Validation.Verdicts;

namespace Ops.Gateway.Tests.Validation;

/// <summary>docs/gate-protocol.md status topic: heartbeats and the Last Will.</summary>
public sealed class StatusValidationTests
{
    [Fact]
    public void A_heartbeat_carries_online_and_its_time()
    {
        var status = AcceptedStatus(Status().Bytes());

        Assert.True(status.Online);
        Assert.Equal(Now, status.At);
        Assert.Null(status.Firmware);
    }

    [Fact]
    public void A_heartbeat_may_name_its_firmware()
    {
        Assert.Equal("2.4.1", AcceptedStatus(Status().With("firmware", "2.4.1").Bytes()).Firmware);
    }

    [Fact]
    public void The_last_will_without_a_time_is_accepted_as_offline()
    {
        var status = AcceptedStatus(Bytes("""{"online":false}"""));

        Assert.False(status.Online);
        Assert.Null(status.At);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData(null)]
    public void An_online_flag_that_is_not_a_boolean_is_an_invalid_field(string? online)
    {
        Assert.Equal("invalid-field:online", RejectedStatus(Status().WithRaw("online", online).Bytes()).Reason);
    }

    [Theory]
    [InlineData("\"2025-06-01T08:00:00\"")]
    [InlineData("\"now\"")]
    [InlineData("1748736000")]
    public void A_status_time_without_an_offset_is_an_invalid_field(string at)
    {
        Assert.Equal("invalid-field:at", RejectedStatus(Status().WithRaw("at", at).Bytes()).Reason);
    }

    [Fact]
    public void A_status_more_than_300_seconds_ahead_is_clock_skew()
    {
        Assert.Equal("clock-skew", RejectedStatus(Status().With("at", Time(Now.AddSeconds(301))).Bytes()).Reason);
    }

    [Fact]
    public void A_status_299_seconds_ahead_is_accepted()
    {
        var at = Now.AddSeconds(299);

        Assert.Equal(at, AcceptedStatus(Status().With("at", Time(at)).Bytes()).At);
    }

    [Fact]
    public void A_firmware_that_is_not_a_string_is_an_invalid_field()
    {
        Assert.Equal("invalid-field:firmware", RejectedStatus(Status().With("firmware", 2).Bytes()).Reason);
    }

    [Theory]
    [InlineData("online")]
    [InlineData("[{\"online\":true}]")]
    [InlineData("{\"online\":true} {\"online\":false}")]
    public void A_status_that_is_not_one_json_object_is_invalid_json(string payload)
    {
        Assert.Equal("invalid-json", RejectedStatus(Bytes(payload)).Reason);
    }

    [Fact]
    public void A_status_over_16_KiB_is_too_large()
    {
        var payload = Bytes("{\"online\":true,\"firmware\":\"" + new string('f', EventValidator.MaxPayloadBytes) + "\"}");

        Assert.Equal("too-large", RejectedStatus(payload).Reason);
    }
}
