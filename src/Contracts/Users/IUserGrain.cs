namespace Ops.Contracts.Users;

/// <summary>One user of the dashboard, keyed by username; the password is kept only as a salted slow hash.</summary>
[Alias("ops.user-grain")]
public interface IUserGrain : IGrainWithStringKey
{
    [Alias("set")]
    Task<UserView> SetAsync(UserSpec spec);

    /// <summary>The user when the password is right, else null.</summary>
    [Alias("sign-in")]
    Task<UserView?> SignInAsync(string password);

    [Alias("get")]
    Task<UserView?> GetAsync();
}
