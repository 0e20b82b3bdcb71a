using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Feed;

/// <summary>The SignalR hub at <c>/hubs/ops</c>: a client joins the sites it may see and receives their pushes.</summary>
[Authorize]
public sealed class OpsHub : Hub<IOpsClient>
{
    public static string SiteGroup(string siteId) => $"site:{siteId}";

    public async Task JoinSite(string siteId)
    {
        if (!Context.User!.MaySee(siteId))
            throw new HubException($"You may not see site '{siteId}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, SiteGroup(siteId));
    }

    public Task LeaveSite(string siteId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, SiteGroup(siteId));
}
