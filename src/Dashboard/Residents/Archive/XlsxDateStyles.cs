using System.Globalization;
using System.Xml;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Which cell styles of a workbook show a number as a date: those whose number format is a
/// built-in date format (including the Chinese ones) or a custom format with date or time parts.</summary>
internal sealed class XlsxDateStyles
{
    private readonly List<bool> dateStyles;

    private XlsxDateStyles(List<bool> dateStyles) => this.dateStyles = dateStyles;

    public bool IsDate(int style) => style >= 0 && style < dateStyles.Count && dateStyles[style];

    public static XlsxDateStyles Read(WorkbookZip zip, string? path, XmlReaderSettings settings)
    {
        var customDates = new HashSet<int>();
        var styles = new List<bool>();
        using var stream = path is null ? null : zip.OpenPart(path, ArchiveLimits.MaxSharedStringsBytes);
        if (stream is null)
            return new XlsxDateStyles(styles);
        using var xml = XmlReader.Create(stream, settings);
        var inCellFormats = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                inCellFormats = false;
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.LocalName)
            {
                case "numFmt" when Id(xml) is { } id && IsDateFormat(xml.GetAttribute("formatCode")):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    if (styles.Count >= ArchiveLimits.MaxZipEntries * 64)
                        throw new ArchiveFormatException("file", "has too many cell styles");
                    var format = Id(xml) ?? 0;
                    styles.Add(IsBuiltInDate(format) || customDates.Contains(format));
                    break;
            }
        }
        return new XlsxDateStyles(styles);
    }

    private static int? Id(XmlReader xml) =>
        int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>Whether a format code has date or time parts outside quoted text, escapes and brackets.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return false;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == '\\')
                i++;
            else if (c == '[')
                bracket = true;
            else if (c == ']')
                bracket = false;
            else if (!bracket && "yYmMdDhHsS".Contains(c))
                return true;
        }
        return false;
    }
}
