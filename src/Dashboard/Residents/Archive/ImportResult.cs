namespace Ops.Dashboard.Residents.Archive;

/// <summary>The answer to an import: how many rows created, updated or left unchanged a resident, and the
/// rows rejected. With <see cref="DryRun"/> nothing was applied; the counts say what would have been.
/// <see cref="Rejected"/> lists the first <see cref="ArchiveLimits.MaxListedRejects"/> rejected rows, each
/// reason at most <see cref="MaxReasonLength"/> characters, and <see cref="RejectedCount"/> counts them all,
/// so that the answer stays short whatever the file.</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<RejectedRow> Rejected, int RejectedCount, bool DryRun)
{
    public const int MaxReasonLength = 300;

    public static ImportResult Of(IReadOnlyList<RowOutcome> outcomes, bool dryRun)
    {
        var rejected = outcomes.Where(o => o.Verdict == RowVerdict.Rejected).ToList();
        return new(
            outcomes.Count(o => o.Verdict == RowVerdict.Created),
            outcomes.Count(o => o.Verdict == RowVerdict.Updated),
            outcomes.Count(o => o.Verdict == RowVerdict.Unchanged),
            [.. rejected.Take(ArchiveLimits.MaxListedRejects).Select(o => new RejectedRow(o.Row, Short(o.Reason ?? "")))],
            rejected.Count,
            dryRun);
    }

    private static string Short(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 1)] + "…";
}
