using Ops.Contracts.Users;
using Xunit;

namespace Ops.Silo.Tests.Users;

/// <summary>CONTRACT §2 <c>PUT /api/users/{username}</c> and <c>POST /api/auth/token</c>.</summary>
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
    public async Task The_right_password_signs_the_user_in()
    {
        await User.SetAsync(Operator);

        var view = await User.SignInAsync("s3cret-Pa55");

        Assert.Equal(username, view?.Username);
        Assert.Equal(Roles.Operator, view?.Role);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3cret-pa55")]
    [InlineData("s3cret-Pa55 ")]
    public async Task A_wrong_password_does_not_sign_in(string password)
    {
        await User.SetAsync(Operator);

        Assert.Null(await User.SignInAsync(password));
    }

    [Fact]
    public async Task A_user_that_was_never_set_cannot_sign_in()
    {
        Assert.Null(await User.SignInAsync(""));
        Assert.Null(await User.GetAsync());
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one()
    {
        await User.SetAsync(Operator);

        await User.SetAsync(Operator with { Password = "n3w-Pa55", Role = Roles.Staff });

        Assert.Null(await User.SignInAsync("s3cret-Pa55"));
        Assert.Equal(Roles.Staff, (await User.SignInAsync("n3w-Pa55"))?.Role);
    }
}
