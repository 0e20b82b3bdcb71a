using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Ops.Contracts.Situations;
using Ops.Dashboard.Auth;
using Ops.Dashboard.Situations;

namespace Ops.Dashboard.Feed;

/// <summary>The SignalR hub at <c>/hubs/ops</c>: a client joins the sites it may see, receives their
/// pushes, and handles situations as over HTTP.</summary>
[Authorize]
public sealed class OpsHub(SituationDesk desk) : Hub<IOpsClient>
{
    public static string SiteGroup(string siteId) => $"site:{siteId}";

    public async Task JoinSite(string siteId)
    {
        if (!Context.User!.MaySee(siteId))
            throw new HubException($"You may not see site '{siteId}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, SiteGroup(siteId));
    }

    public Task LeaveSite(string siteId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, SiteGroup(siteId));

    public async Task<IReadOnlyList<SituationView>> GetOpenSituations(string siteId) =>
        await desk.ListOpenAsync(Context.User!, siteId) ?? throw new HubException($"You may not see site '{siteId}'.");

    public async Task<SituationView> Acknowledge(string situationId, string? note) =>
        Answer(await desk.AcknowledgeAsync(Context.User!, situationId, note));

    public async Task<SituationView> Resolve(string situationId, string? note) =>
        Answer(await desk.ResolveAsync(Context.User!, situationId, note));

    public async Task<SituationView> Assign(string situationId, string username) =>
        Answer(await desk.AssignAsync(Context.User!, situationId, username));

    private static SituationView Answer(DeskResult result) =>
        result.View ?? throw new HubException(result.Detail);
}
