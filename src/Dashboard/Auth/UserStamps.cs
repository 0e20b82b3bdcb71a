using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Ops.Contracts;
using Ops.Contracts.Users;

namespace Ops.Dashboard.Auth;

/// <summary>Whether a token's stamp is still the user's: the stamp changes with the password, role or
/// sites. Each user's stamp is cached briefly so requests do not all call the user's grain; a change made
/// through this process forgets it at once, one made through another process is seen when the cache expires.</summary>
public sealed class UserStamps(IClusterClient cluster, IMemoryCache cache, IOptions<SignInOptions> options)
{
    public async Task<bool> IsCurrentAsync(string? username, string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || !Identifiers.IsUsername(username))
            return false;
        var current = await cache.GetOrCreateAsync(Key(username!), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.StampCacheSeconds);
            return cluster.GetGrain<IUserGrain>(username!).GetStampAsync();
        });
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }

    public void Forget(string username) => cache.Remove(Key(username));

    private static string Key(string username) => "user-stamp:" + username;
}
