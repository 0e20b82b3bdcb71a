namespace Ops.Dashboard.Residents.Archive;

/// <summary>Keeps a spreadsheet from running a CSV cell as a formula (CSV injection): a cell that starts
/// with <c>= + - @</c>, a tab or a carriage return is written after an apostrophe, which spreadsheets read
/// as "this cell is text". A cell that starts with an apostrophe gets one too, so that reading removes
/// exactly what writing added.</summary>
public static class SpreadsheetFormulas
{
    private const char Guard = '\'';
    private const string Risky = "=+-@\t\r'";

    public static string Protect(string cell) => cell.Length > 0 && Risky.Contains(cell[0]) ? Guard + cell : cell;

    public static string Unprotect(string cell) => cell.Length > 1 && cell[0] == Guard && Risky.Contains(cell[1]) ? cell[1..] : cell;
}
