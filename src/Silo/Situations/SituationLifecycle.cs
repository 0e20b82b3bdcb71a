using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

/// <summary>The rules of a situation's life (the situation rules (README)), as plain functions over its state:
/// <c>raised -> acknowledged -> resolved</c>, repeats, the condition ending, escalation by SLA.
/// Each change appends to the history; nothing is removed. A refusal is returned as text.</summary>
public static class SituationLifecycle
{
    public const string System = "system";

    /// <summary>How many repeats are kept as entries of their own before a run of them is folded into one.</summary>
    public const int RepeatEntries = 10;

    public static void Open(SituationState state, string id, OpenSituation open, DateTimeOffset now)
    {
        var request = open.Request;
        state.Id = id;
        state.SiteId = open.SiteId;
        state.Kind = request.Kind;
        state.Severity = request.Severity;
        state.Subject = request.Subject;
        state.State = SituationStates.Raised;
        state.Active = true;
        state.Title = request.Title;
        state.Detail = request.Detail;
        state.GateId = request.GateId;
        state.ResidentId = request.ResidentId;
        state.Unit = request.Unit;
        state.RaisedAt = request.At;
        state.LastAt = request.At;
        state.Occurrences = 1;
        state.Checklist = [.. open.Checklist.Select(step => new ChecklistItem(step, false))];
        state.Shelved = open.Shelved;
        state.GroupedInto = open.GroupedInto;
        state.SlaSeconds = request.Severity == Severity.Info ? 0 : open.SlaSeconds;
        state.DueAt = request.DueAt;
        state.History.Add(new HistoryEntry(now, System, "raised", request.Detail));
        if (open.Shelved)
            state.History.Add(new HistoryEntry(now, System, "shelved", "its kind is shelved at this gate"));
        if (open.GroupedInto is { } summary)
            state.History.Add(new HistoryEntry(now, System, "grouped", $"flood control grouped it into {summary}"));
        ScheduleEscalation(state, now);
    }

    public static void Repeat(SituationState state, DateTimeOffset at, string? detail, DateTimeOffset now)
    {
        state.Occurrences++;
        if (at > state.LastAt)
            state.LastAt = at;
        if (detail is not null)
            state.Detail = detail;
        var wasActive = state.Active;
        state.Active = true;
        var entry = new HistoryEntry(now, System, wasActive ? "repeated" : "repeated; active again", detail);
        // A flapping condition must not grow the situation without bound: after the first repeats,
        // a run of plain repeats is kept as one entry that says how many there were.
        if (wasActive && state.History.Count(h => h.Action == "repeated") >= RepeatEntries && state.History[^1].Action == "repeated")
            state.History[^1] = entry with { Note = $"occurrence {state.Occurrences}{(detail is null ? "" : $": {detail}")}" };
        else
            state.History.Add(entry);
    }

    public static bool Clear(SituationState state, string why, DateTimeOffset now)
    {
        if (!state.Active)
            return false;
        state.Active = false;
        state.History.Add(new HistoryEntry(now, System, "cleared", why));
        return true;
    }

    public static string? Acknowledge(SituationState state, string by, string? note, DateTimeOffset now)
    {
        if (state.State == SituationStates.Resolved)
            return $"Situation {state.Id} is already resolved.";
        if (state.State == SituationStates.Acknowledged)
            return $"Situation {state.Id} was already acknowledged by {state.AcknowledgedBy}.";
        state.State = SituationStates.Acknowledged;
        state.AcknowledgedAt = now;
        state.AcknowledgedBy = by;
        state.NextEscalationAt = null;
        state.History.Add(new HistoryEntry(now, by, "acknowledged", note));
        return null;
    }

    /// <summary>Resolves; a situation resolved straight from <c>raised</c> counts as acknowledged by the same person then.</summary>
    public static string? Resolve(SituationState state, string by, string? note, DateTimeOffset now)
    {
        if (state.State == SituationStates.Resolved)
            return $"Situation {state.Id} is already resolved.";
        if (state.State == SituationStates.Raised)
            Acknowledge(state, by, null, now);
        state.State = SituationStates.Resolved;
        state.ResolvedAt = now;
        state.ResolvedBy = by;
        state.NextEscalationAt = null;
        state.History.Add(new HistoryEntry(now, by, "resolved", note));
        return null;
    }

    public static string? Assign(SituationState state, string by, string assignee, DateTimeOffset now)
    {
        if (state.State == SituationStates.Resolved)
            return $"Situation {state.Id} is already resolved.";
        state.Assignee = assignee;
        state.History.Add(new HistoryEntry(now, by, "assigned", assignee));
        return null;
    }

    public static string? Tick(SituationState state, string by, int step, bool done, string? note, DateTimeOffset now)
    {
        if (state.State == SituationStates.Resolved)
            return $"Situation {state.Id} is already resolved.";
        if (step < 0 || step >= state.Checklist.Count)
            return $"Situation {state.Id} has no checklist step {step}; its steps are 0 to {state.Checklist.Count - 1}.";
        var item = state.Checklist[step];
        state.Checklist[step] = item with { Done = done };
        var what = note is null ? item.Step : $"{item.Step} — {note}";
        state.History.Add(new HistoryEntry(now, by, done ? "checked" : "unchecked", what));
        return null;
    }

    public static void Unshelve(SituationState state, string why, DateTimeOffset now)
    {
        if (!state.Shelved)
            return;
        state.Shelved = false;
        state.History.Add(new HistoryEntry(now, System, "unshelved", why));
        ScheduleEscalation(state, now);
    }

    /// <summary>Applies every escalation due by <paramref name="now"/>, one level and one history entry
    /// per SLA period that passed unacknowledged (also those missed while the hub was down).</summary>
    public static int Escalate(SituationState state, DateTimeOffset now)
    {
        var steps = 0;
        while (state.State == SituationStates.Raised && state.NextEscalationAt is { } due && due <= now)
        {
            state.EscalationLevel++;
            state.History.Add(new HistoryEntry(due, System, "escalated", $"not acknowledged within {state.SlaSeconds} s; level {state.EscalationLevel}"));
            state.NextEscalationAt = due.AddSeconds(state.SlaSeconds);
            steps++;
        }
        return steps;
    }

    /// <summary>Escalation runs from when the hub raised or announced the situation, not from the
    /// event's own time: a gate's late buffer does not escalate on arrival. A situation with a due time
    /// escalates first when it falls due, then after each SLA period.</summary>
    private static void ScheduleEscalation(SituationState state, DateTimeOffset now) =>
        state.NextEscalationAt = state.SlaSeconds > 0 && state.Announced && state.State == SituationStates.Raised
            ? state.DueAt is { } due && due > now ? due : now.AddSeconds(state.SlaSeconds)
            : null;
}
