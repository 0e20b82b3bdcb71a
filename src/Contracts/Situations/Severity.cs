namespace Ops.Contracts.Situations;

/// <summary>Severities of the situation rules (README), most urgent first.</summary>
public static class Severity
{
    public const string Critical = "critical";
    public const string Major = "major";
    public const string Minor = "minor";
    public const string Info = "info";

    public static bool IsKnown(string? severity) => severity is Critical or Major or Minor or Info;
}
