namespace Ops.Contracts.Metrics;

[GenerateSerializer, Immutable, Alias("ops.raised-kind")]
public sealed record RaisedKind([property: Id(0)] string Kind, [property: Id(1)] string Severity);
