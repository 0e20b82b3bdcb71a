using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>The control room in a real browser, against the real hub over real MQTT.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ControlRoomTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_forced_door_is_on_the_board_within_a_second_and_acknowledging_it_changes_a_second_screen_too()
    {
        var first = await fixture.SignInAsAdminAsync();
        var second = await fixture.SignInAsAdminAsync();
        await using var door = await fixture.DoorAsync();
        // A wall screen has been running for a while: the first situation of a cold hub (grain
        // activations, code compiled on first use) is not what an operator waits for.
        await using (var north = await fixture.NorthDoorAsync())
            await north.PublishEventAsync(new { eventId = "forced-warm-up", type = "door.forced", at = DateTimeOffset.UtcNow });
        await Expect(first.Locator($"tr[data-kind='door-forced'][data-gate='{BrowserFixture.NorthDoor}']")).ToBeVisibleAsync();
        // ... and has settled: the hub's processes finish compiling what the warm-up ran for the first time, and
        // the page has drawn it, before the second is timed.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await first.EvaluateAsync("() => new Promise(done => requestIdleCallback(done, { timeout: 2000 }))");

        await door.PublishEventAsync(new { eventId = "forced-1", type = "door.forced", at = DateTimeOffset.UtcNow });

        var row = first.Locator($"tr[data-kind='door-forced'][data-gate='{BrowserFixture.Door}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 1000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "raised");
        await Expect(first.GetByTestId("announcer")).ToContainTextAsync("Door forced");
        var elsewhere = second.Locator($"tr[data-kind='door-forced'][data-gate='{BrowserFixture.Door}']");
        await Expect(elsewhere).ToHaveAttributeAsync("data-state", "raised");

        await row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Expect(elsewhere).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 5000 });
        Assert.Empty(fixture.ForeignRequests());
    }

    [Fact]
    public async Task The_board_is_handled_from_the_keyboard_alone()
    {
        var page = await fixture.SignInAsAdminAsync();
        await using var door = await fixture.NorthDoorAsync();
        await door.PublishEventAsync(new { eventId = "fault-1", type = "fault", code = "E42", at = DateTimeOffset.UtcNow });
        var row = page.Locator("tr[data-kind='gate-fault']");
        await Expect(row).ToBeVisibleAsync();
        var id = await row.GetAttributeAsync("data-situation");

        // j moves down the board until the fault is selected.
        for (var i = 0; i < 20 && await SelectedAsync(page) != id; i++)
            await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("tr.selected")).ToHaveAttributeAsync("data-situation", id!);

        await page.Keyboard.PressAsync("a");
        await Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");

        await page.Keyboard.PressAsync("r");
        var note = page.Locator("dialog textarea[name=note]");
        await Expect(note).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Controller restarted");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("dialog")).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("dialog")).ToContainTextAsync("Acknowledge the selected situation");
    }

    private static Task<string?> SelectedAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.querySelector('tr.selected')?.dataset.situation ?? null");

    [Fact]
    public async Task After_the_server_drops_the_connection_the_page_says_so_reconnects_and_shows_what_was_raised_meanwhile()
    {
        var page = await fixture.SignInAsAdminAsync();
        await using var door = await fixture.DoorAsync();

        await fixture.Hub.StopDashboardAsync();
        await Expect(page.GetByTestId("link")).Not.ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await door.PublishEventAsync(new { eventId = "tamper-1", type = "tamper", detail = "cover opened", at = DateTimeOffset.UtcNow });
        await fixture.Hub.StartDashboardAsync();

        await Expect(page.GetByTestId("link")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Expect(page.Locator("tr[data-kind='tamper']")).ToBeVisibleAsync(new() { Timeout = 5000 });
    }

    [Fact]
    public async Task The_language_switches_to_Chinese_is_remembered_and_switches_back()
    {
        var page = await fixture.SignInAsAdminAsync();
        await Expect(page.Locator("#board-title")).ToContainTextAsync("Situations");

        await page.GetByTestId("lang").ClickAsync();
        await Expect(page.Locator("#board-title")).ToContainTextAsync("事件");
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await page.ReloadAsync();
        await Expect(page.Locator("#board-title")).ToContainTextAsync("事件");

        await page.GetByTestId("lang").ClickAsync();
        await Expect(page.Locator("#board-title")).ToContainTextAsync("Situations");
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
    }

    [Fact]
    public async Task Signing_out_returns_to_sign_in_and_forgets_the_token()
    {
        var page = await fixture.SignInAsAdminAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.Locator("input[name=password]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("signed out");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ops.session')"));
    }

    [Fact]
    public async Task A_refused_token_sends_the_user_back_to_sign_in_with_a_message()
    {
        var page = await fixture.SignInAsAdminAsync();
        await page.EvaluateAsync("""
            () => {
              const session = JSON.parse(sessionStorage.getItem('ops.session'));
              sessionStorage.setItem('ops.session', JSON.stringify({ ...session, token: 'not-a-token' }));
            }
            """);
        await page.ReloadAsync();

        await Expect(page.Locator("input[name=password]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("expired");
    }
}
