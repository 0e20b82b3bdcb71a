using Orleans.Concurrency;

namespace Ops.Contracts.Users;

/// <summary>One user of the dashboard, keyed by username; the password is kept only as a salted slow hash.
/// The grain does no hashing for a sign-in: the dashboard fetches the credentials and checks the password
/// itself, so a flood of attempts for one user does not queue on that user's grain.</summary>
[Alias("ops.user-grain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Sets the user; the stamp changes when the password, the role or the sites change, which
    /// ends every token issued before.</summary>
    [Alias("set")]
    Task<UserView> SetAsync(UserSpec spec);

    /// <summary>The user with their password hash and stamp, or null when there is no such user.</summary>
    [AlwaysInterleave, Alias("get-credentials")]
    Task<UserCredentials?> GetCredentialsAsync();

    /// <summary>The stamp that tokens of this user must carry, or null when there is no such user.</summary>
    [AlwaysInterleave, Alias("get-stamp")]
    Task<string?> GetStampAsync();

    [AlwaysInterleave, Alias("get")]
    Task<UserView?> GetAsync();
}
