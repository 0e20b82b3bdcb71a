namespace Ops.Contracts.Users;

/// <summary>The list of every user of the hub without secrets (a singleton, key 0), kept up to date by
/// each <see cref="IUserGrain"/> when it is set, so that users can be listed without waking them all.</summary>
[Alias("ops.user-directory")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("upsert")]
    Task UpsertAsync(UserView user);

    /// <summary>Every user, by username.</summary>
    [Alias("list")]
    Task<IReadOnlyList<UserView>> ListAsync();

    /// <summary>The users who may see the site: admins and those given the site, by username.</summary>
    [Alias("list-site")]
    Task<IReadOnlyList<UserView>> ListSiteAsync(string siteId);
}
