namespace Ops.Dashboard.Residents.Archive;

/// <summary>A file that cannot be read as an archive at all (no or a wrong header row, not UTF-8, not a
/// workbook, over a limit): the whole import is refused, naming <see cref="Field"/> (<c>header</c> or
/// <c>file</c>). At most <see cref="ArchiveLimits.MaxListedProblems"/> problems are listed, and a count of
/// the rest, so that the answer stays short whatever the file.</summary>
public sealed class ArchiveFormatException(string field, IReadOnlyList<string> problems)
    : Exception($"The {field} {string.Join("; ", Listed(problems))}.")
{
    public ArchiveFormatException(string field, string problem)
        : this(field, [problem])
    {
    }

    public string Field { get; } = field;

    public IReadOnlyList<string> Problems { get; } = Listed(problems);

    private static IReadOnlyList<string> Listed(IReadOnlyList<string> problems) => problems.Count <= ArchiveLimits.MaxListedProblems
        ? problems
        : [.. problems.Take(ArchiveLimits.MaxListedProblems), $"and {problems.Count - ArchiveLimits.MaxListedProblems} more problems"];
}
