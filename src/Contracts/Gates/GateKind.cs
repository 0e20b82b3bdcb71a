namespace Ops.Contracts.Gates;

/// <summary>Wire names of gate kinds and directions (docs/api.md).</summary>
public static class GateKind
{
    public const string Vehicle = "vehicle";
    public const string Pedestrian = "pedestrian";

    public static bool IsKnown(string? kind) => kind is Vehicle or Pedestrian;
}
