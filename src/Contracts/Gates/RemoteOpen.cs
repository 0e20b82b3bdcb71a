namespace Ops.Contracts.Gates;

/// <summary>A remote open: the command sent, and how many gateways took it (0: no gate can be reached now).</summary>
[GenerateSerializer, Immutable, Alias("ops.remote-open")]
public sealed record RemoteOpen([property: Id(0)] GateCommand Command, [property: Id(1)] int Gateways);
