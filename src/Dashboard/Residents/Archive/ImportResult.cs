namespace Ops.Dashboard.Residents.Archive;

/// <summary>The answer to an import: how many rows created, updated or left unchanged a resident, and the
/// rows rejected. With <see cref="DryRun"/> nothing was applied; the counts say what would have been.</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<RejectedRow> Rejected, bool DryRun)
{
    public static ImportResult Of(IReadOnlyList<RowOutcome> outcomes, bool dryRun) => new(
        outcomes.Count(o => o.Verdict == RowVerdict.Created),
        outcomes.Count(o => o.Verdict == RowVerdict.Updated),
        outcomes.Count(o => o.Verdict == RowVerdict.Unchanged),
        [.. outcomes.Where(o => o.Verdict == RowVerdict.Rejected).Select(o => new RejectedRow(o.Row, o.Reason ?? ""))],
        dryRun);
}
