using Ops.Tests.Shared;

namespace Ops.Dashboard.Tests.Residents.Archive;

internal static class TestWorkbookHeader
{
    /// <summary>The archive's header as row 1 (or another header, for tests of bad headers).</summary>
    public static TestWorkbook Header(this TestWorkbook workbook, string header = Archives.Header) => workbook.Row(1, header.Split(','));
}
