using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

/// <summary>When a site raises more than <see cref="Threshold"/> situations within <see cref="Window"/>,
/// new minor and info ones are grouped into one summary situation so critical ones stay visible.</summary>
public static class FloodControl
{
    public const int Threshold = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const string SummarySubject = "site";

    /// <summary>Forgets raises older than the window.</summary>
    public static void Prune(List<DateTimeOffset> recentRaises, DateTimeOffset now) =>
        recentRaises.RemoveAll(at => at <= now - Window);

    /// <summary>Whether a new situation of this severity is grouped, given the raises already in the window.</summary>
    public static bool Groups(IReadOnlyCollection<DateTimeOffset> recentRaises, string severity) =>
        severity is Severity.Minor or Severity.Info && recentRaises.Count >= Threshold;

    public static RaiseRequest Summary(int grouped, DateTimeOffset at) => new()
    {
        Kind = SituationKinds.FloodSummary,
        Severity = Severity.Minor,
        Subject = SummarySubject,
        Title = "Many situations at once: minor and info ones are grouped here",
        Detail = Detail(grouped),
        At = at,
    };

    public static string Detail(int grouped) => $"{grouped} minor or info situation(s) grouped; resolving this resolves them.";
}
