namespace Ops.Dashboard.Residents.Archive;

/// <summary>What an import does with one row.</summary>
public enum RowVerdict
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}
