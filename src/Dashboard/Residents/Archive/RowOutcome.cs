using Ops.Contracts.Residents;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>What an import does with one row: the resident to store (created or updated), nothing
/// (unchanged), or why the row is rejected.</summary>
public sealed record RowOutcome(int Row, RowVerdict Verdict, Resident? Resident = null, string? Reason = null)
{
    public bool Stores => Verdict is RowVerdict.Created or RowVerdict.Updated;

    public static RowOutcome Rejected(int row, string reason) => new(row, RowVerdict.Rejected, Reason: reason);
}
