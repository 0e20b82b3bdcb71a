using System.Text;

namespace Ops.Simulator.People;

/// <summary>Writes residents as the hub's archive file (CSV), the way an office exports its spreadsheet.</summary>
public static class ArchiveCsv
{
    public const string Header = "residentId,name,unit,building,phone,birthday,care,cards,plates,notes,active";

    public static string Write(IEnumerable<Person> residents)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var person in residents)
        {
            string[] cells =
            [
                person.ResidentId, person.Name, person.Unit, person.Building, person.Phone, person.Birthday.ToString("yyyy-MM-dd"),
                string.Join(';', person.Care), person.Card, person.Plate ?? "", "", "true",
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";
}
