using Microsoft.AspNetCore.SignalR;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Feed;

/// <summary>Every call on <see cref="OpsHub"/>: refuses a caller whose user changed since their token was
/// issued (and closes that connection), and logs each refusal as one warning line, since refusals are
/// ordinary and any user can cause them; other failures are logged with their stack trace.</summary>
public sealed class OpsHubFilter(UserStamps stamps, UserConnections connections, ILogger<OpsHubFilter> logger) : IHubFilter
{
    private const int LoggedReasonLength = 200;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocation.Context;
        var (username, stamp) = TokenIssuer.Read(caller.User);
        try
        {
            if (!await stamps.IsCurrentAsync(username, stamp))
            {
                caller.Abort();
                throw new HubException("The user changed since you signed in; sign in again.");
            }
            return await next(invocation);
        }
        catch (HubException refusal)
        {
            logger.LogWarning("Refused {Method} for {Username} on connection {ConnectionId}: {Reason}",
                invocation.HubMethodName, username, caller.ConnectionId, OneLine(refusal.Message));
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Method} failed for {Username} on connection {ConnectionId}",
                invocation.HubMethodName, username, caller.ConnectionId);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context);
        await next(context, exception);
    }

    /// <summary>A refusal may quote what the caller sent (a site id): keep it on one line and short.</summary>
    private static string OneLine(string reason)
    {
        var line = string.Concat(reason.Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length <= LoggedReasonLength ? line : line[..LoggedReasonLength] + "…";
    }
}
