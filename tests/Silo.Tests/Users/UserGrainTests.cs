using Ops.Contracts.Security;
using Ops.Contracts.Users;
using Xunit;

namespace Ops.Silo.Tests.Users;

/// <summary>docs/api.md <c>PUT /api/users/{username}</c>, and what <c>POST /api/auth/token</c> checks a password against.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UserGrainTests(ClusterFixture cluster)
{
    private readonly string username = "u-" + Guid.NewGuid().ToString("N")[..12];

    private IUserGrain User => cluster.Client.GetGrain<IUserGrain>(username);

    private static readonly UserSpec Operator = new()
    {
        Password = "s3cret-Pa55",
        Role = Roles.Operator,
        DisplayName = "Night shift",
        Sites = ["maple-court", "birch"],
    };

    private async Task<bool> PasswordIsAsync(string password) =>
        await User.GetCredentialsAsync() is { } credentials && SecretHasher.Verify(password, credentials.PasswordHash);

    [Fact]
    public async Task Setting_a_user_returns_it_without_its_password()
    {
        var view = await User.SetAsync(Operator);

        Assert.Equal(username, view.Username);
        Assert.Equal(Roles.Operator, view.Role);
        Assert.Equal("Night shift", view.DisplayName);
        Assert.Equal(["maple-court", "birch"], view.Sites);
    }

    [Fact]
    public async Task The_credentials_hold_the_user_and_a_hash_of_the_right_password()
    {
        await User.SetAsync(Operator);

        var credentials = await User.GetCredentialsAsync();

        Assert.Equal(username, credentials?.User.Username);
        Assert.Equal(Roles.Operator, credentials?.User.Role);
        Assert.DoesNotContain("s3cret-Pa55", credentials!.PasswordHash);
        Assert.True(SecretHasher.Verify("s3cret-Pa55", credentials.PasswordHash));
        Assert.Equal(credentials.Stamp, await User.GetStampAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3cret-pa55")]
    [InlineData("s3cret-Pa55 ")]
    public async Task A_wrong_password_does_not_match_the_hash(string password)
    {
        await User.SetAsync(Operator);

        Assert.False(await PasswordIsAsync(password));
    }

    [Fact]
    public async Task A_user_that_was_never_set_has_no_credentials_and_no_stamp()
    {
        Assert.Null(await User.GetCredentialsAsync());
        Assert.Null(await User.GetStampAsync());
        Assert.Null(await User.GetAsync());
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one()
    {
        await User.SetAsync(Operator);

        await User.SetAsync(Operator with { Password = "n3w-Pa55", Role = Roles.Staff });

        Assert.False(await PasswordIsAsync("s3cret-Pa55"));
        Assert.True(await PasswordIsAsync("n3w-Pa55"));
        Assert.Equal(Roles.Staff, (await User.GetAsync())?.Role);
    }

    [Fact]
    public async Task The_same_user_set_again_or_with_a_new_display_name_keeps_its_stamp()
    {
        await User.SetAsync(Operator);
        var stamp = await User.GetStampAsync();

        await User.SetAsync(Operator with { Sites = ["maple-court", "birch"] });
        await User.SetAsync(Operator with { DisplayName = "Day shift" });

        Assert.Equal(stamp, await User.GetStampAsync());
        Assert.Equal("Day shift", (await User.GetAsync())?.DisplayName);
    }

    public static TheoryData<string> Changes => ["password", "role", "sites"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_new_password_role_or_sites_change_the_stamp(string change)
    {
        await User.SetAsync(Operator);
        var stamp = await User.GetStampAsync();

        await User.SetAsync(change switch
        {
            "password" => Operator with { Password = "n3w-Pa55" },
            "role" => Operator with { Role = Roles.Staff },
            _ => Operator with { Sites = ["maple-court"] },
        });

        var changed = await User.GetStampAsync();
        Assert.NotNull(changed);
        Assert.NotEqual(stamp, changed);
    }
}
