using System.ComponentModel.DataAnnotations;

namespace Ops.Dashboard.Auth;

/// <summary>Limits on <c>POST /api/auth/token</c> and how long a user's stamp is trusted, from the
/// configuration section <c>SignIn</c> (environment variables <c>SignIn__AddressAttemptsPerMinute</c> and so on).</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>Sign-in attempts (right or wrong) from one source address: this many at once, then one every
    /// 60/n seconds. Room for a whole shift signing in behind one address at the start of the shift.</summary>
    [Range(1, 10_000)]
    public int AddressAttemptsPerMinute { get; set; } = 30;

    /// <summary>Failed sign-ins for one user name from one address within a minute; after that this address
    /// is refused for this user name until the oldest failure is a minute old. Attempts in progress count.</summary>
    [Range(1, 1_000)]
    public int UserFailuresPerMinute { get; set; } = 5;

    /// <summary>Failed sign-ins for one user name from all addresses together within a minute, against
    /// guessing spread over many addresses.</summary>
    [Range(1, 10_000)]
    public int UserFailuresPerMinuteAllAddresses { get; set; } = 30;

    /// <summary>Password hashes checked at once in this process (0: one per processor), so a flood
    /// cannot take every core.</summary>
    [Range(0, 256)]
    public int ConcurrentVerifications { get; set; }

    /// <summary>How long a user's stamp is trusted before it is read again from the user's grain: a change
    /// made through another dashboard process ends older tokens within this time.</summary>
    [Range(1, 300)]
    public int StampCacheSeconds { get; set; } = 5;
}
