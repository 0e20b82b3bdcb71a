namespace Ops.Dashboard.Residents.Archive;

/// <summary>A file that cannot be read as an archive at all (no or a wrong header row, not UTF-8, not a
/// workbook): the whole import is refused, naming <see cref="Field"/> (<c>header</c> or <c>file</c>).</summary>
public sealed class ArchiveFormatException(string field, IReadOnlyList<string> problems)
    : Exception($"The {field} {string.Join("; ", problems)}.")
{
    public ArchiveFormatException(string field, string problem)
        : this(field, [problem])
    {
    }

    public string Field { get; } = field;

    public IReadOnlyList<string> Problems { get; } = problems;
}
