using Ops.Contracts.Gates;
using Ops.Gateway.Validation;
using Xunit;

namespace Ops.Gateway.Tests.Validation;

/// <summary>Runs the validator at <see cref="Payloads.Now"/> and insists on one outcome.</summary>
internal static class Verdicts
{
    public static GateEvent AcceptedEvent(byte[] payload)
    {
        var validated = EventValidator.ValidateEvent(payload, Payloads.Now);
        Assert.Null(validated.Reject);
        return Assert.IsType<GateEvent>(validated.Value);
    }

    public static Reject RejectedEvent(byte[] payload)
    {
        var validated = EventValidator.ValidateEvent(payload, Payloads.Now);
        Assert.Null(validated.Value);
        var reject = Assert.IsType<Reject>(validated.Reject);
        Assert.False(string.IsNullOrWhiteSpace(reject.Detail), "a reject says what was wrong");
        return reject;
    }

    public static GateStatus AcceptedStatus(byte[] payload)
    {
        var validated = EventValidator.ValidateStatus(payload, Payloads.Now);
        Assert.Null(validated.Reject);
        return Assert.IsType<GateStatus>(validated.Value);
    }

    public static Reject RejectedStatus(byte[] payload)
    {
        var validated = EventValidator.ValidateStatus(payload, Payloads.Now);
        Assert.Null(validated.Value);
        var reject = Assert.IsType<Reject>(validated.Reject);
        Assert.False(string.IsNullOrWhiteSpace(reject.Detail), "a reject says what was wrong");
        Assert.Null(reject.EventId);
        return reject;
    }
}
