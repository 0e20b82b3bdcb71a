namespace Ops.Gateway.Validation;

/// <summary>Why an event or status was refused (CONTRACT §3 <c>rejects</c>).</summary>
public sealed record Reject(string? EventId, string Reason, string Detail);
