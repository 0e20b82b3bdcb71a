namespace Ops.Dashboard.Residents.Archive;

/// <summary>What an exported workbook cell holds. A spreadsheet refuses a cell over 32,767 characters and
/// XML cannot carry most control characters, yet an export must never fail on what is stored (residents
/// stored before the limits may have thousands of cards). So a list (care, cards, plates) over the limit
/// keeps the values that fit whole, any other text is cut at the limit, and a character XML cannot carry
/// becomes U+FFFD. The CSV export writes every value whole.</summary>
public static class XlsxCellText
{
    /// <summary>The most characters a spreadsheet cell holds.</summary>
    public const int MaxLength = 32_767;

    public static string Fit(string column, string value)
    {
        var text = Sanitise(value);
        if (text.Length <= MaxLength)
            return text;
        var cut = MaxLength;
        if (column is ArchiveColumns.Care or ArchiveColumns.Cards or ArchiveColumns.Plates)
        {
            var separator = text.LastIndexOf(ArchiveColumns.ListSeparator, MaxLength);
            cut = separator > 0 ? separator : MaxLength;
        }
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..cut];
    }

    private static string Sanitise(string value)
    {
        if (!value.Any(Refused))
            return value;
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (Refused(chars[i]))
                chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    private static bool Refused(char c) => c is (< ' ' and not ('\t' or '\n' or '\r')) or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
