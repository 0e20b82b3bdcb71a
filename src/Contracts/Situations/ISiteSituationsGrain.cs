using Ops.Contracts.Sites;
namespace Ops.Contracts.Situations;

/// <summary>The situations of one site, keyed by siteId: deduplication, shelving, flood control,
/// checklists, and the one door through which situations change.</summary>
[Alias("ops.site-situations-grain")]
public interface ISiteSituationsGrain : IGrainWithStringKey
{
    /// <summary>Raises a situation, or counts a repeat on the unresolved one of the same kind and subject.</summary>
    [Alias("raise")]
    Task<SituationView> RaiseAsync(RaiseRequest request);

    /// <summary>The condition of the unresolved situation of this kind and subject ended, if there is one.</summary>
    [Alias("clear")]
    Task ClearAsync(string kind, string subject, DateTimeOffset at, string why);

    [Alias("acknowledge")]
    Task<ChangeResult> AcknowledgeAsync(string id, string by, string? note);

    [Alias("resolve")]
    Task<ChangeResult> ResolveAsync(string id, string by, string? note);

    [Alias("assign")]
    Task<ChangeResult> AssignAsync(string id, string by, string assignee);

    [Alias("tick")]
    Task<ChangeResult> TickAsync(string id, string by, int step, bool done, string? note);

    /// <summary>Open situations (not resolved), without those grouped into a flood summary.</summary>
    [Alias("list-open")]
    Task<IReadOnlyList<SituationView>> ListOpenAsync();

    /// <summary>Every situation raised in the period, newest first.</summary>
    [Alias("list-all")]
    Task<IReadOnlyList<SituationView>> ListAllAsync(DateTimeOffset from, DateTimeOffset to);

    [Alias("shelve")]
    Task<Shelf> ShelveAsync(Shelf shelf);

    [Alias("unshelve")]
    Task<bool> UnshelveAsync(string gateId, string kind, string by);

    [Alias("list-shelves")]
    Task<IReadOnlyList<Shelf>> ListShelvesAsync();

    [Alias("get-checklists")]
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetChecklistsAsync();

    [Alias("set-checklist")]
    Task SetChecklistAsync(string kind, IReadOnlyList<string> steps);

    [Alias("stats")]
    Task<ResponseStats> StatsAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Activates the index and its open situations, so their timers run after a restart.</summary>
    [Alias("wake")]
    Task WakeAsync();

    /// <summary>Tells the index its site's configuration changed (it keeps the SLA it raises with). Interleaves:
    /// the site calls it while the index may be asking the site.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("site-changed")]
    Task SiteChangedAsync(SiteConfig config);
}
