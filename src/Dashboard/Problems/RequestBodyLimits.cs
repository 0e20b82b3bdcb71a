namespace Ops.Dashboard.Problems;

/// <summary>How large a request body the dashboard reads. Every JSON body of the API is a few kilobytes at
/// most (a resident with 2,000 characters of notes and 20 cards is under 10 KiB), so anything far larger is
/// refused with 413 before it is read; the resident import has its own, larger limit.</summary>
public static class RequestBodyLimits
{
    public const long ApiBytes = 256 * 1024;
}
