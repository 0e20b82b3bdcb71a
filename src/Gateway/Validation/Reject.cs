namespace Ops.Gateway.Validation;

/// <summary>Why an event or status was refused (docs/gate-protocol.md <c>rejects</c>).</summary>
public sealed record Reject(string? EventId, string Reason, string Detail);
