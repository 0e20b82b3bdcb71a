using System.Security.Claims;
using Ops.Contracts;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Contracts.Users;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Situations;

/// <summary>What people do with situations, over HTTP and SignalR alike, with the role rules of
/// docs/api.md: admins and operators handle the situations of their sites and assign them; staff
/// read, acknowledge and resolve those of their sites or assigned to them.</summary>
public sealed class SituationDesk(IClusterClient cluster)
{
    public const int MaxNoteLength = 2000;

    public async Task<DeskResult> GetAsync(ClaimsPrincipal user, string id, bool withHistory)
    {
        if (SiteOf(id) is not { } siteId)
            return DeskResult.NotFound(id);
        var view = await cluster.GetGrain<ISituationGrain>(id).GetAsync(withHistory);
        if (view is null)
            return DeskResult.NotFound(id);
        return MayHandle(user, siteId, view)
            ? DeskResult.Ok(view)
            : DeskResult.Forbidden($"Situation '{id}' is neither of your sites nor assigned to you.");
    }

    public Task<DeskResult> AcknowledgeAsync(ClaimsPrincipal user, string id, string? note) =>
        ChangeAsync(user, id, note, (site, by) => site.AcknowledgeAsync(id, by, note));

    public Task<DeskResult> ResolveAsync(ClaimsPrincipal user, string id, string? note) =>
        ChangeAsync(user, id, note, (site, by) => site.ResolveAsync(id, by, note));

    public Task<DeskResult> TickAsync(ClaimsPrincipal user, string id, int step, bool done, string? note) =>
        ChangeAsync(user, id, note, (site, by) => site.TickAsync(id, by, step, done, note));

    public async Task<DeskResult> AssignAsync(ClaimsPrincipal user, string id, string? assignee)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Operator))
            return DeskResult.Forbidden("Only operators and admins assign situations.");
        if (!Identifiers.IsUsername(assignee) || await cluster.GetGrain<IUserGrain>(assignee!).GetAsync() is null)
            return DeskResult.Invalid("username", $"There is no user '{assignee}'.");
        return await ChangeAsync(user, id, null, (site, by) => site.AssignAsync(id, by, assignee!));
    }

    public async Task<IReadOnlyList<SituationView>?> ListOpenAsync(ClaimsPrincipal user, string siteId) =>
        Identifiers.IsSiteId(siteId) && user.MaySee(siteId)
            ? await cluster.GetGrain<ISiteSituationsGrain>(siteId).ListOpenAsync()
            : null;

    /// <summary>The open situations assigned to the user, at every site (staff phones list these).</summary>
    public async Task<IReadOnlyList<SituationView>> AssignedAsync(ClaimsPrincipal user)
    {
        var sites = await cluster.GetGrain<ISiteDirectoryGrain>(0).ListAsync();
        var open = await Task.WhenAll(sites.Select(site => cluster.GetGrain<ISiteSituationsGrain>(site.SiteId).ListOpenAsync()));
        return [.. open.SelectMany(views => views).Where(view => view.Assignee == user.Identity?.Name)];
    }

    /// <summary>The site of a situation id <c>{siteId}.{number}</c>.</summary>
    public static string? SiteOf(string id)
    {
        var dot = id.LastIndexOf('.');
        return dot > 0 && long.TryParse(id.AsSpan(dot + 1), out _) && Identifiers.IsSiteId(id[..dot]) ? id[..dot] : null;
    }

    private static bool MayHandle(ClaimsPrincipal user, string siteId, SituationView view) =>
        user.MaySee(siteId) || (view.Assignee is not null && view.Assignee == user.Identity?.Name);

    private async Task<DeskResult> ChangeAsync(ClaimsPrincipal user, string id, string? note,
        Func<ISiteSituationsGrain, string, Task<ChangeResult>> change)
    {
        if (note?.Length > MaxNoteLength)
            return DeskResult.Invalid("note", $"A note has at most {MaxNoteLength} characters.");
        if (!TextRules.IsClean(note, multiLine: true))
            return DeskResult.Invalid("note", "A note " + TextRules.MultiLineRule + ".");
        var found = await GetAsync(user, id, withHistory: false);
        if (found.Outcome != DeskOutcome.Ok)
            return found;
        var result = await change(cluster.GetGrain<ISiteSituationsGrain>(SiteOf(id)!), user.Identity!.Name!);
        return result.View is { } view ? DeskResult.Ok(view) : DeskResult.Conflict(result.Refusal!);
    }
}
