using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>An admin's browser reaches the Orleans Dashboard and the API reference through <c>/admin/</c>: no bearer
/// header, only the console cookie; every page works under the dashboard's Content-Security-Policy and loads nothing
/// from another host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminConsolePageTests(BrowserFixture fixture)
{
    private const string ViolationsScript = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI}`));
        """;

    [Fact]
    public async Task An_admin_signs_in_on_the_console_page_and_opens_the_orleans_dashboard_and_the_api_reference()
    {
        var reported = new ConcurrentQueue<string>();
        var page = await fixture.NewPageAsync();
        await page.Context.AddInitScriptAsync(ViolationsScript);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                reported.Enqueue($"console: {message.Text}");
        };
        // Script errors of our own pages; the Orleans Dashboard's own script is not ours to hold to that.
        page.PageError += (_, error) =>
        {
            if (!page.Url.Contains("/orleans/", StringComparison.Ordinal))
                reported.Enqueue($"page error on {page.Url}: {error}");
        };

        await page.GotoAsync($"{fixture.Hub.BaseAddress}admin/");
        await page.FillAsync("input[name=username]", "admin");
        await page.FillAsync("input[name=password]", fixture.Hub.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Orleans Dashboard" })).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "Orleans Dashboard" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        // The dashboard's script ran and drew its navigation from the cluster's data.
        await Expect(page.Locator("#menu a").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(1500);
        await BrowserFixture.ScreenshotAsync(page, "orleans-dashboard-1920x1080");
        reported = Collect(reported, await page.EvaluateAsync<string[]>("window.__cspViolations"));

        await page.GotoAsync($"{fixture.Hub.BaseAddress}api-reference/");
        await Expect(page.GetByText("/api/auth/token")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await BrowserFixture.ScreenshotAsync(page, "api-reference-1920x1080");
        reported = Collect(reported, await page.EvaluateAsync<string[]>("window.__cspViolations"));

        Assert.True(reported.IsEmpty, string.Join(Environment.NewLine, reported));
        Assert.Empty(fixture.ForeignRequests());
    }

    [Fact]
    public async Task A_browser_without_the_console_cookie_is_refused_the_orleans_dashboard()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync($"{fixture.Hub.BaseAddress}orleans/");
        Assert.Equal(401, response!.Status);
    }

    private static ConcurrentQueue<string> Collect(ConcurrentQueue<string> reported, string[] violations)
    {
        foreach (var violation in violations)
            reported.Enqueue(violation);
        return reported;
    }
}
