namespace Ops.Dashboard.Residents.Archive;

/// <summary>A row an import did not apply, and why (the header is row 1).</summary>
public sealed record RejectedRow(int Row, string Reason);
