using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>The staff phone (390x844): an assignment from the control room reaches it, and it is resolved there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_situation_assigned_in_the_control_room_is_resolved_on_the_phone_with_a_note_in_its_history()
    {
        var control = await fixture.SignInAsAdminAsync();
        var phone = await fixture.SignInAsync(BrowserFixture.StaffUser, BrowserFixture.StaffPassword, "staff", 390, 844);
        await AllowNotificationsAsync(phone);
        await using var door = await fixture.DoorAsync();
        await door.PublishEventAsync(new { eventId = "held-1", type = "door.held", seconds = 120, at = DateTimeOffset.UtcNow });
        var row = control.Locator("tr[data-kind='door-held']");
        await Expect(row).ToBeVisibleAsync();
        var id = (await row.GetAttributeAsync("data-situation"))!;

        await row.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await control.Locator("dialog select[name=username]").SelectOptionAsync(BrowserFixture.StaffUser);
        await control.Locator("dialog button[type=submit]").ClickAsync();

        var card = phone.GetByTestId("mine").Locator($"[data-situation='{id}']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5000 });
        Assert.Contains(await phone.EvaluateAsync<string[]>("() => window.shownNotifications"), title => title.Contains("Door held open"));
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        var resolve = card.GetByRole(AriaRole.Button, new() { Name = "Resolve" });
        Assert.True((await resolve.BoundingBoxAsync())!.Height >= 44, "the Resolve button is smaller than a thumb");
        await BrowserFixture.ScreenshotAsync(phone, "staff-assigned-390x844-en");

        await resolve.ClickAsync();
        await phone.Locator("dialog textarea[name=note]").FillAsync("Closed the door and checked the latch");
        await phone.Locator("dialog button[type=submit]").ClickAsync();
        await Expect(card).ToHaveCountAsync(0);

        using var admin = fixture.Hub.Http(await fixture.Hub.AdminTokenAsync());
        var view = await fixture.Hub.GetJsonAsync(admin, $"api/situations/{id}");
        Assert.Equal("resolved", view.GetProperty("state").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), entry =>
            entry.GetProperty("action").GetString() == "resolved" && entry.GetProperty("by").GetString() == BrowserFixture.StaffUser
            && entry.TryGetProperty("note", out var note) && note.GetString() == "Closed the door and checked the latch");
        Assert.Empty(fixture.ForeignRequests());
    }

    /// <summary>The user allows notifications (the button asks the browser, which says yes), and the
    /// page's notifications are recorded where the test can read them.</summary>
    private static async Task AllowNotificationsAsync(IPage page)
    {
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await page.EvaluateAsync("""
            () => {
              window.shownNotifications = [];
              const Real = window.Notification;
              window.Notification = class extends Real {
                constructor(title, options) { super(title, options); window.shownNotifications.push(title); }
              };
              window.Notification.requestPermission = () => Real.requestPermission();
              Object.defineProperty(window.Notification, 'permission', { get: () => Real.permission });
            }
            """);
        var ask = page.GetByRole(AriaRole.Button, new() { Name = "Notify me of assignments" });
        if (await ask.CountAsync() > 0)
            await ask.ClickAsync();
        await Expect(page.GetByText("Notifications on")).ToBeVisibleAsync();
    }
}
