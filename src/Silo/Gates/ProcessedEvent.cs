using Ops.Contracts.Gates;

namespace Ops.Silo.Gates;

/// <summary>An event the gate has processed, with the command it answered: what a redelivery gets again.</summary>
[GenerateSerializer, Immutable, Alias("ops.processed-event")]
public sealed record ProcessedEvent([property: Id(0)] string EventId, [property: Id(1)] GateCommand? Command);
