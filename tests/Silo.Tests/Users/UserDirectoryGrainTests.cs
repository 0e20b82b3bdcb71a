using Ops.Contracts.Users;
using Xunit;

namespace Ops.Silo.Tests.Users;

[Collection(ClusterCollection.Name)]
public sealed class UserDirectoryGrainTests(ClusterFixture cluster)
{
    // The cluster is shared: each test uses names and a site of its own.
    private readonly string prefix = "d-" + Guid.NewGuid().ToString("N")[..8] + "-";

    private IUserDirectoryGrain Directory => cluster.Client.GetGrain<IUserDirectoryGrain>(0);

    private Task<UserView> SetAsync(string name, string role, params string[] sites) =>
        cluster.Client.GetGrain<IUserGrain>(prefix + name).SetAsync(new UserSpec
        {
            Password = "s3cret-Pa55",
            Role = role,
            DisplayName = name.ToUpperInvariant(),
            Sites = sites,
        });

    private IEnumerable<UserView> Ours(IEnumerable<UserView> users) => users.Where(u => u.Username.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public async Task Setting_a_user_lists_it_in_the_directory_by_username_and_a_change_replaces_it()
    {
        var site = prefix + "site";
        await SetAsync("b", Roles.Staff, site);
        await SetAsync("a", Roles.Operator);
        await SetAsync("b", Roles.Operator, site, "other");

        var ours = Ours(await Directory.ListAsync()).ToList();

        Assert.Equal([prefix + "a", prefix + "b"], ours.Select(u => u.Username));
        Assert.Equal(Roles.Operator, ours[1].Role);
        Assert.Equal("B", ours[1].DisplayName);
        Assert.Equal([site, "other"], ours[1].Sites);
    }

    [Fact]
    public async Task The_users_of_a_site_are_the_admins_and_those_given_the_site()
    {
        var site = prefix + "site";
        await SetAsync("admin", Roles.Admin);
        await SetAsync("given", Roles.Staff, "x", site);
        await SetAsync("elsewhere", Roles.Operator, "x");

        var ours = Ours(await Directory.ListSiteAsync(site));

        Assert.Equal([prefix + "admin", prefix + "given"], ours.Select(u => u.Username));
    }
}
