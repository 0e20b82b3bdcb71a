using Ops.Contracts.Situations;

namespace Ops.Dashboard.Situations;

/// <summary>The outcome of a person's request about a situation, before it becomes an HTTP or hub answer.</summary>
public sealed record DeskResult(DeskOutcome Outcome, SituationView? View, string Detail, string? Field = null)
{
    public static DeskResult Ok(SituationView view) => new(DeskOutcome.Ok, view, "");

    public static DeskResult NotFound(string id) => new(DeskOutcome.NotFound, null, $"There is no situation '{id}'.");

    public static DeskResult Forbidden(string detail) => new(DeskOutcome.Forbidden, null, detail);

    public static DeskResult Invalid(string field, string detail) => new(DeskOutcome.Invalid, null, detail, field);

    public static DeskResult Conflict(string detail) => new(DeskOutcome.Conflict, null, detail);
}

public enum DeskOutcome
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}
