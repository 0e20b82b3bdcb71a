namespace Ops.Contracts.Gates;

public static class Direction
{
    public const string In = "in";
    public const string Out = "out";
    public const string Both = "both";

    /// <summary>A passage direction as events carry it.</summary>
    public static bool IsPassage(string? direction) => direction is In or Out;

    /// <summary>A gate's configured direction.</summary>
    public static bool IsGateDirection(string? direction) => direction is In or Out or Both;
}
