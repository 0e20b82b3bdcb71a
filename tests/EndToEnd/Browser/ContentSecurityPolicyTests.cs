using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>The dashboard's Content-Security-Policy lets every screen of the web client work: Chromium
/// reports nothing it blocked, neither on the console nor as a violation event.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    private const string ViolationsScript = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI}`));
        """;

    [Fact]
    public async Task The_screens_run_under_the_policy_without_a_violation()
    {
        var reported = new ConcurrentQueue<string>();
        var control = await WatchedSignInAsync("admin", fixture.Hub.AdminPassword, "control", 1920, 1080, reported);
        await using (var door = await fixture.DoorAsync())
            await door.PublishEventAsync(new { eventId = "csp-forced", type = "door.forced", at = DateTimeOffset.UtcNow });
        var row = control.Locator($"tr[data-kind='door-forced'][data-gate='{BrowserFixture.Door}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 5000 });
        await row.ClickAsync();
        await Expect(control.Locator("canvas").First).ToBeVisibleAsync();
        foreach (var route in new[] { "residents", "gates", "control" })
        {
            await control.GotoAsync($"{fixture.Hub.BaseAddress}#/{route}");
            await Expect(control.GetByTestId("link")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        }
        var staff = await WatchedSignInAsync(BrowserFixture.StaffUser, BrowserFixture.StaffPassword, "staff", 390, 844, reported);
        await control.WaitForTimeoutAsync(1000);

        foreach (var page in new[] { control, staff })
            foreach (var violation in await page.EvaluateAsync<string[]>("window.__cspViolations"))
                reported.Enqueue(violation);
        Assert.Empty(reported);
    }

    private async Task<IPage> WatchedSignInAsync(string username, string password, string route, int width, int height,
        ConcurrentQueue<string> reported)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.Context.AddInitScriptAsync(ViolationsScript);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                reported.Enqueue($"{route} console: {message.Text}");
        };
        page.PageError += (_, error) => reported.Enqueue($"{route} page error: {error}");
        await page.GotoAsync($"{fixture.Hub.BaseAddress}#/{route}");
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByTestId("link")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        return page;
    }
}
