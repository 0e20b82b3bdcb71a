namespace Ops.Contracts.Situations;

/// <summary>The states of a situation: <c>raised -> acknowledged -> resolved</c>.</summary>
public static class SituationStates
{
    public const string Raised = "raised";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}
