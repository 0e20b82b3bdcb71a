using Microsoft.Extensions.Options;

namespace Ops.Dashboard.Auth;

/// <summary>Failed sign-ins per user name: from one address (tight, so a guesser at one address is stopped
/// without locking the user out everywhere) and from all addresses together (looser, against guessing
/// spread over many addresses).</summary>
public sealed class SignInGuard
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly FailureLimiter byAddress;
    private readonly FailureLimiter byUser;

    public SignInGuard(IOptions<SignInOptions> options, TimeProvider time)
    {
        byAddress = new FailureLimiter(options.Value.UserFailuresPerMinute, Window, time);
        byUser = new FailureLimiter(options.Value.UserFailuresPerMinuteAllAddresses, Window, time);
    }

    /// <summary>Starts an attempt, or says how long to wait; a started attempt must be ended with <see cref="End"/>.</summary>
    public bool TryBegin(string username, string address, out TimeSpan retryAfter)
    {
        if (!byAddress.TryBegin(AddressKey(username, address), out retryAfter))
            return false;
        if (byUser.TryBegin(username, out retryAfter))
            return true;
        byAddress.End(AddressKey(username, address), failed: false);
        return false;
    }

    public void End(string username, string address, bool failed)
    {
        byAddress.End(AddressKey(username, address), failed);
        byUser.End(username, failed);
    }

    private static string AddressKey(string username, string address) => $"{address} {username}";
}
