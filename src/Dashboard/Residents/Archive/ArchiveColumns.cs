namespace Ops.Dashboard.Residents.Archive;

/// <summary>The columns of a resident archive file (docs/api.md), in the order export writes them.</summary>
public static class ArchiveColumns
{
    public const string ResidentId = "residentId";
    public const string Name = "name";
    public const string Unit = "unit";
    public const string Building = "building";
    public const string Phone = "phone";
    public const string Birthday = "birthday";
    public const string Care = "care";
    public const string Cards = "cards";
    public const string Plates = "plates";
    public const string Notes = "notes";
    public const string Active = "active";

    /// <summary>What separates the values of a multi-valued cell (care, cards, plates).</summary>
    public const char ListSeparator = ';';

    private static readonly string[] Columns = [ResidentId, Name, Unit, Building, Phone, Birthday, Care, Cards, Plates, Notes, Active];

    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Columns);

    public static int IndexOf(string column) => Array.IndexOf(Columns, column) is var index and >= 0
        ? index
        : throw new ArgumentOutOfRangeException(nameof(column), column, "not an archive column");
}
