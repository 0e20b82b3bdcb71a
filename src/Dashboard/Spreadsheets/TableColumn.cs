namespace Ops.Dashboard.Spreadsheets;

/// <summary>A column of a file the API writes: its header, its width in a spreadsheet (characters), and
/// whether it holds numbers (otherwise the column is formatted as text, also for what a person types into it
/// later, so ids and phones keep their leading zeros).</summary>
public sealed record TableColumn(string Name, double Width, bool Numeric = false);
