namespace Ops.Contracts.Situations;

/// <summary>One situation, keyed by its id <c>{siteId}.{number}</c>: its lifecycle, history and escalation.
/// Only the site's <see cref="ISiteSituationsGrain"/> changes it, so changes of a site are ordered.</summary>
[Alias("ops.situation-grain")]
public interface ISituationGrain : IGrainWithStringKey
{
    [Alias("open")]
    Task<SituationView> OpenAsync(OpenSituation open);

    /// <summary>The condition happened again: one more occurrence, and active again.</summary>
    [Alias("repeat")]
    Task<SituationView> RepeatAsync(RaiseRequest repeat, string? detail);

    /// <summary>The condition ended (door closed, gate back online); a person still resolves it.</summary>
    [Alias("clear")]
    Task<SituationView> ClearAsync(DateTimeOffset at, string why);

    [Alias("acknowledge")]
    Task<ChangeResult> AcknowledgeAsync(string by, string? note);

    [Alias("resolve")]
    Task<ChangeResult> ResolveAsync(string by, string? note);

    [Alias("assign")]
    Task<ChangeResult> AssignAsync(string by, string assignee);

    [Alias("tick")]
    Task<ChangeResult> TickAsync(string by, int step, bool done, string? note);

    /// <summary>The shelf over this situation ended: it is announced, and escalates from now on.</summary>
    [Alias("unshelve")]
    Task<SituationView> UnshelveAsync(string why);

    [Alias("get"), Orleans.Concurrency.AlwaysInterleave]
    Task<SituationView?> GetAsync(bool withHistory);

    /// <summary>Activates the situation so that its escalation timer runs again after a restart.</summary>
    [Alias("wake")]
    Task WakeAsync();
}
