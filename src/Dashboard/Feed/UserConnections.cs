using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Feed;

/// <summary>The open SignalR connections of this process, so that a connection opened with a token the
/// user's stamp no longer matches is closed: at once when the change is made through this process, and
/// within <see cref="SignInOptions.StampCacheSeconds"/> (and the sweep after it) when made through another.</summary>
public sealed class UserConnections(UserStamps stamps, ILogger<UserConnections> logger)
{
    private readonly ConcurrentDictionary<string, HubCallerContext> connections = new(StringComparer.Ordinal);

    public void Add(HubCallerContext connection) => connections[connection.ConnectionId] = connection;

    public void Remove(HubCallerContext connection) => connections.TryRemove(connection.ConnectionId, out _);

    /// <summary>Closes the connections (of one user, or of all when null) whose token's stamp is no longer current.</summary>
    public async Task CloseStaleAsync(string? username = null)
    {
        var open = connections.Values
            .Select(connection => (Connection: connection, Token: TokenIssuer.Read(connection.User)))
            .Where(entry => username is null || entry.Token.Username == username)
            .GroupBy(entry => entry.Token);
        foreach (var group in open)
        {
            if (await stamps.IsCurrentAsync(group.Key.Username, group.Key.Stamp))
                continue;
            foreach (var (connection, _) in group)
            {
                logger.LogInformation("Closing connection {ConnectionId} of user {Username}: the user changed since its token was issued",
                    connection.ConnectionId, group.Key.Username);
                connection.Abort();
            }
        }
    }
}
