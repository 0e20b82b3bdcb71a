using System.Globalization;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Cell references and values of a worksheet's XML. Spreadsheets turn typed values into numbers,
/// dates and booleans; they are read back the way the archive spells them (13800138000, 1950-03-04, true).</summary>
internal static class XlsxCells
{
    /// <summary>The 1-based column of a reference such as <c>B12</c>, or 0 when there is none; at most one
    /// past <see cref="ArchiveLimits.MaxColumns"/> is told apart, which is all the reader needs.</summary>
    public static int Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return 0;
        var column = 0;
        foreach (var c in reference)
        {
            var letter = char.ToUpperInvariant(c);
            if (letter is < 'A' or > 'Z')
                break;
            column = Math.Min(column * 26 + (letter - 'A' + 1), 1_000_000);
        }
        return column;
    }

    /// <summary>The text of a cell from its type (<c>t</c>), its raw value and whether its style is a date.</summary>
    /// <exception cref="ArchiveFormatException">A shared-string cell names a string that is not there.</exception>
    public static string Text(string? type, string raw, IReadOnlyList<string> strings, bool date) => type switch
    {
        "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
            ? strings[index]
            : throw new ArchiveFormatException("file", "has a cell that refers to shared text that is not there"),
        "b" => raw.Trim() switch
        {
            "1" => "true",
            "0" => "false",
            var other => other,
        },
        "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? Format(at) : raw,
        null or "n" => Number(raw, date),
        _ => raw,
    };

    private static string Number(string raw, bool date)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return raw;
        if (date && number is >= -657434 and < 2958466)
            return Format(DateTime.FromOADate(number));
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string Format(DateTime at) => at.TimeOfDay == TimeSpan.Zero
        ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
