using System.Globalization;
using System.Text;
using System.Xml;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Reads the first sheet of an .xlsx workbook as archive rows with a forward-only XML reader: the
/// sheet is never held in memory, only the shared strings (bounded by <see cref="ArchiveLimits.MaxSharedStringsBytes"/>),
/// the number formats of the styles, and the rows within <see cref="ArchiveLimits"/>. Text is read in chunks,
/// so a cell of any length costs at most <see cref="ArchiveLimits.MaxCellLength"/> characters.</summary>
internal static class XlsxReader
{
    private const string OfficeDocument = "/officeDocument";
    private const string SharedStrings = "/sharedStrings";
    private const string Styles = "/styles";

    /// <summary>Cells are kept up to one character over the limit: enough to tell that they are too long.</summary>
    private const int KeptCellLength = ArchiveLimits.MaxCellLength + 1;

    [ThreadStatic]
    private static char[]? ChunkBuffer;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static IReadOnlyList<ArchiveRow> Read(byte[] bytes)
    {
        using var zip = WorkbookZip.Open(bytes);
        try
        {
            var workbookPath = Relations(zip, "").FirstOrDefault(r => r.Type.EndsWith(OfficeDocument, StringComparison.Ordinal)).Target
                ?? "xl/workbook.xml";
            var sheetId = FirstSheetRelationId(zip, workbookPath)
                ?? throw new ArchiveFormatException("file", "has no sheet");
            var relations = Relations(zip, workbookPath);
            var sheetPath = relations.FirstOrDefault(r => r.Id == sheetId).Target
                ?? throw new ArchiveFormatException("file", "has no sheet");
            var strings = ReadSharedStrings(zip, relations.FirstOrDefault(r => r.Type.EndsWith(SharedStrings, StringComparison.Ordinal)).Target);
            var dates = XlsxDateStyles.Read(zip, relations.FirstOrDefault(r => r.Type.EndsWith(Styles, StringComparison.Ordinal)).Target, Settings);
            return ReadSheet(zip, sheetPath, strings, dates);
        }
        catch (XmlException)
        {
            throw new ArchiveFormatException("file", "is not a readable .xlsx workbook (its XML is malformed)");
        }
        catch (InvalidDataException)
        {
            throw new ArchiveFormatException("file", "is not a readable .xlsx workbook (a part cannot be unzipped)");
        }
    }

    internal static XmlReader? Open(WorkbookZip zip, string? path, long limit) =>
        path is not null && zip.OpenPart(path, limit) is { } stream ? XmlReader.Create(stream, Settings) : null;

    private static string? FirstSheetRelationId(WorkbookZip zip, string workbookPath)
    {
        using var xml = Open(zip, workbookPath, ArchiveLimits.MaxSharedStringsBytes)
            ?? throw new ArchiveFormatException("file", "is not an .xlsx workbook (it has no workbook part)");
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                return Attribute(xml, "id", relationship: true);
        }
        return null;
    }

    /// <summary>The relationships of a part (of the package itself for ""), targets resolved to zip paths.</summary>
    private static List<(string Id, string Type, string? Target)> Relations(WorkbookZip zip, string partPath)
    {
        var folder = partPath.Contains('/') ? partPath[..(partPath.LastIndexOf('/') + 1)] : "";
        var name = partPath[folder.Length..];
        var relations = new List<(string, string, string?)>();
        using var xml = Open(zip, $"{folder}_rels/{name}.rels", ArchiveLimits.MaxSharedStringsBytes);
        if (xml is null)
            return relations;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship")
                continue;
            if (relations.Count >= ArchiveLimits.MaxZipEntries)
                throw new ArchiveFormatException("file", "has too many relationships between its parts");
            var target = xml.GetAttribute("Target");
            relations.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", target is null ? null : Resolve(folder, target)));
        }
        return relations;
    }

    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    private static List<string> ReadSharedStrings(WorkbookZip zip, string? path)
    {
        var strings = new List<string>();
        using var xml = Open(zip, path, ArchiveLimits.MaxSharedStringsBytes);
        if (xml is null)
            return strings;
        var text = new StringBuilder();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                strings.Add(ReadText(xml, text, valueElement: null));
        }
        return strings;
    }

    private static List<ArchiveRow> ReadSheet(WorkbookZip zip, string path, List<string> strings, XlsxDateStyles dates)
    {
        using var xml = Open(zip, path, ArchiveLimits.MaxPartBytes)
            ?? throw new ArchiveFormatException("file", "has no sheet");
        var rows = new List<ArchiveRow>();
        var cells = new string[ArchiveLimits.MaxColumns];
        var text = new StringBuilder();
        ArchiveHeader? header = null;
        long characters = 0;
        var rowNumber = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
                continue;
            rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > rowNumber ? r : rowNumber + 1;
            if (header is null && rowNumber > 1)
                header = ArchiveHeader.Parse([]);
            var (width, stray) = ReadRow(xml, cells, text, strings, dates, ref characters);
            if (header is null)
            {
                if (stray > 0)
                    throw new ArchiveFormatException("header", $"has more than {ArchiveLimits.MaxColumns} columns");
                header = ArchiveHeader.Parse(cells[..width]);
                continue;
            }
            if (stray == 0 && cells.Take(width).All(string.IsNullOrWhiteSpace))
                continue;
            ArchiveReader.Add(rows, stray > 0
                ? ArchiveRow.Unreadable(rowNumber, $"has a value in column {stray}, which the header does not name")
                : header.Arrange(rowNumber, cells[..Math.Max(width, header.Width)]));
        }
        if (header is null)
            ArchiveHeader.Parse([]);
        return rows;
    }

    /// <summary>Reads the cells of the row the reader is on into <paramref name="cells"/>: how many are used,
    /// and the column of a value beyond <see cref="ArchiveLimits.MaxColumns"/> (0 when there is none).</summary>
    private static (int Width, int Stray) ReadRow(XmlReader xml, string[] cells, StringBuilder text, List<string> strings,
        XlsxDateStyles dates, ref long characters)
    {
        Array.Fill(cells, "");
        if (xml.IsEmptyElement)
            return (0, 0);
        var depth = xml.Depth;
        var width = 0;
        var stray = 0;
        var column = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                continue;
            column = XlsxCells.Column(xml.GetAttribute("r")) is var at and > 0 ? at : column + 1;
            var type = xml.GetAttribute("t");
            var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var raw = ReadText(xml, text, valueElement: type == "inlineStr" ? null : "v");
            var value = XlsxCells.Text(type, raw, strings, dates.IsDate(style));
            if (value.Length == 0)
                continue;
            characters += value.Length;
            if (characters > ArchiveLimits.MaxTextCharacters)
                throw new ArchiveFormatException("file", $"holds more than {ArchiveLimits.MaxTextCharacters} characters of text");
            if (column > ArchiveLimits.MaxColumns)
            {
                stray = stray == 0 ? column : stray;
                continue;
            }
            cells[column - 1] = value;
            width = Math.Max(width, column);
        }
        return (width, stray);
    }

    /// <summary>The text of the element the reader is on, read in chunks and kept up to
    /// <see cref="KeptCellLength"/> characters: the content of its <paramref name="valueElement"/> children,
    /// or, when that is null, of its <c>t</c> elements (rich text runs), leaving out phonetic runs.</summary>
    private static string ReadText(XmlReader xml, StringBuilder text, string? valueElement)
    {
        var buffer = ChunkBuffer ??= new char[4096];
        return ReadText(xml, text, buffer, valueElement);
    }

    private static string ReadText(XmlReader xml, StringBuilder text, char[] buffer, string? valueElement)
    {
        text.Clear();
        if (xml.IsEmptyElement)
            return "";
        var depth = xml.Depth;
        var collecting = 0;
        var phonetic = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "rPh" && !xml.IsEmptyElement:
                    phonetic++;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "rPh":
                    phonetic--;
                    break;
                case XmlNodeType.Element when xml.LocalName == (valueElement ?? "t") && phonetic == 0 && !xml.IsEmptyElement:
                    collecting++;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == (valueElement ?? "t") && collecting > 0:
                    collecting--;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when collecting > 0:
                    int count;
                    while ((count = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        if (text.Length < KeptCellLength)
                            text.Append(buffer, 0, Math.Min(count, KeptCellLength - text.Length));
                    }
                    break;
            }
        }
        return text.ToString();
    }

    private static string? Attribute(XmlReader xml, string localName, bool relationship)
    {
        if (!xml.MoveToFirstAttribute())
            return null;
        do
        {
            if (xml.LocalName == localName && (!relationship || xml.NamespaceURI.EndsWith("/relationships", StringComparison.Ordinal)))
            {
                var value = xml.Value;
                xml.MoveToElement();
                return value;
            }
        }
        while (xml.MoveToNextAttribute());
        xml.MoveToElement();
        return null;
    }
}
