using System.IO.Compression;
using System.Text;

namespace Ops.Dashboard.Tests.Residents.Archive;

/// <summary>Builds a minimal .xlsx zip by hand, with the sheet's XML written as a stream: for workbooks too
/// large to build cell by cell, and for zips that lie about their sizes.</summary>
internal static class RawWorkbook
{
    public const string SheetPath = "xl/worksheets/sheet1.xml";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook whose one sheet's <c>sheetData</c> is what <paramref name="rows"/> writes, and
    /// whose shared strings are <paramref name="sharedStrings"/>.</summary>
    public static byte[] Build(Action<TextWriter> rows, IReadOnlyList<string>? sharedStrings = null, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", level, w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"));
            Write(zip, "_rels/.rels", level, w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Write(zip, "xl/workbook.xml", level, w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>" +
                "<sheet name=\"residents\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Write(zip, "xl/_rels/workbook.xml.rels", level, w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
            Write(zip, "xl/sharedStrings.xml", level, w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                foreach (var text in sharedStrings ?? [])
                    w.Write($"<si><t>{text}</t></si>");
                w.Write("</sst>");
            });
            Write(zip, SheetPath, level, w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
                rows(w);
                w.Write("</sheetData></worksheet>");
            });
        }
        return output.ToArray();
    }

    /// <summary>A row of inline-text cells from column A on.</summary>
    public static string Row(int row, params string[] cells) =>
        $"<row r=\"{row}\">" + string.Concat(cells.Select((cell, i) => $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{cell}</t></is></c>")) + "</row>";

    /// <summary>Makes every entry of the zip declare <paramref name="size"/> bytes uncompressed, whatever it inflates to.</summary>
    public static byte[] Lie(byte[] zip, uint size)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), size);
            else if (signature == 0x02014b50)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), size);
        }
        return bytes;
    }

    private static void Write(ZipArchive zip, string path, CompressionLevel level, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path, level).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
