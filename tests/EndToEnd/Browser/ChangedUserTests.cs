using Ops.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>A screen whose user is changed by an admin (new password, role or sites) loses its live
/// connection and its token, and returns to sign-in saying why.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangedUserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_staff_phone_returns_to_sign_in_when_an_admin_changes_the_users_sites()
    {
        const string username = "changed.staff";
        const string password = "changed-staff-password";
        using var admin = fixture.Hub.Http(await fixture.Hub.AdminTokenAsync());
        var provisioning = new Provisioning(admin);
        await provisioning.UserAsync(username, password, "staff", BrowserFixture.SiteId);
        var phone = await fixture.SignInAsync(username, password, "staff", 390, 844);

        await provisioning.UserAsync(username, password, "staff");

        await Expect(phone.Locator("input[name=username]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(phone.GetByText("Your sign-in has expired")).ToBeVisibleAsync();
    }
}
