using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Ops.Gateway.Mqtt;

/// <summary>Keeps gate logins cheap: a password the cluster accepted is remembered (as a hash) for a
/// while, so reconnects skip the check in the cluster. Wrong passwords are the business of <see cref="LoginThrottle"/>,
/// which slows down where they come from rather than the gate they name.</summary>
public sealed class GateLogins(TimeProvider time)
{
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (byte[] Hash, DateTimeOffset Until)> accepted = new(StringComparer.Ordinal);

    public bool IsKnownGood(string username, string password) =>
        accepted.TryGetValue(username, out var entry) && entry.Until > time.GetUtcNow()
        && CryptographicOperations.FixedTimeEquals(entry.Hash, Hash(password));

    public void Succeeded(string username, string password) =>
        accepted[username] = (Hash(password), time.GetUtcNow() + Remember);

    /// <summary>The gate's secret changed: what was remembered no longer holds.</summary>
    public void Forget(string username) => accepted.TryRemove(username, out _);

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
