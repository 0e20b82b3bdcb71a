using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Ops.Gateway.Mqtt;

/// <summary>Keeps gate logins cheap and guessing expensive: a password the cluster accepted is
/// remembered (as a hash) for a while, so reconnects skip the slow check; a username with too many
/// wrong passwords is refused without asking the cluster until its window passes.</summary>
public sealed class GateLogins(TimeProvider time)
{
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (byte[] Hash, DateTimeOffset Until)> accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public bool IsKnownGood(string username, string password) =>
        accepted.TryGetValue(username, out var entry) && entry.Until > time.GetUtcNow()
        && CryptographicOperations.FixedTimeEquals(entry.Hash, Hash(password));

    public bool IsLockedOut(string username)
    {
        if (!failures.TryGetValue(username, out var recent))
            return false;
        lock (recent)
        {
            recent.RemoveAll(at => at <= time.GetUtcNow() - FailureWindow);
            return recent.Count >= MaxFailures;
        }
    }

    public void Succeeded(string username, string password)
    {
        failures.TryRemove(username, out _);
        accepted[username] = (Hash(password), time.GetUtcNow() + Remember);
    }

    public void Failed(string username)
    {
        var recent = failures.GetOrAdd(username, _ => []);
        lock (recent)
            recent.Add(time.GetUtcNow());
    }

    /// <summary>The gate's secret changed: what was remembered no longer holds.</summary>
    public void Forget(string username) => accepted.TryRemove(username, out _);

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
