using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>The two screens at their sizes, in both languages: screenshots for people to look at,
/// WCAG AA checks (contrast among them) by axe, and no page asking anything of another machine.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task The_control_room_fills_a_wall_screen_and_meets_WCAG_AA(string language)
    {
        await PopulateAsync();
        var page = await fixture.SignInAsAdminAsync(language: language);
        await Expect(page.GetByTestId("feed")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        await BrowserFixture.ScreenshotAsync(page, $"control-room-1920x1080-{language}");

        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollHeight > window.innerHeight"), "the wall screen scrolls");
        AssertAccessible(await page.RunAxe(WcagAa));
        Assert.Empty(fixture.ForeignRequests());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task The_staff_page_fits_a_phone_and_meets_WCAG_AA(string language)
    {
        await PopulateAsync();
        var page = await fixture.SignInAsync(BrowserFixture.StaffUser, BrowserFixture.StaffPassword, "staff", 390, 844, language);
        await Expect(page.Locator("#mine-title")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"staff-390x844-{language}");

        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        AssertAccessible(await page.RunAxe(WcagAa));
        Assert.Empty(fixture.ForeignRequests());
    }

    [Fact]
    public async Task The_staff_page_can_be_installed_to_the_home_screen()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync(fixture.Hub.BaseAddress.ToString());
        var manifest = await page.EvaluateAsync<string>("""
            async () => {
              const link = document.querySelector('link[rel=manifest]');
              const response = await fetch(link.href);
              const body = await response.json();
              const icons = await Promise.all(body.icons.map(async (icon) => (await fetch(icon.src)).status));
              return JSON.stringify({ type: response.headers.get('content-type'), display: body.display, icons });
            }
            """);
        Assert.Contains("\"display\":\"standalone\"", manifest);
        Assert.Contains("manifest+json", manifest);
        Assert.DoesNotContain("404", manifest);
    }

    private static bool populated;

    /// <summary>An ordinary moment at the site, so the screenshots show what operators see: residents
    /// passing, a refused card, a wheelchair user at the door, a water outage in building 3 and a
    /// resident's request.</summary>
    private async Task PopulateAsync()
    {
        if (populated)
            return;
        populated = true;
        await using var door = await fixture.DoorAsync();
        foreach (var (id, card) in new[] { ("s-1", "aa0001"), ("s-2", "aa0003"), ("s-3", "ffff99"), ("s-4", "aa0002") })
        {
            await door.SwipeAsync($"screen-{id}", card);
            await door.NextCommandAsync();
        }
        using var admin = fixture.Hub.Http(await fixture.Hub.AdminTokenAsync());
        using (var incident = await admin.PostAsJsonAsync($"api/sites/{BrowserFixture.SiteId}/incidents",
            new { kind = "water-outage", building = "3", title = "Water off in building 3 until 18:00" }))
            incident.EnsureSuccessStatusCode();
        using (var request = await admin.PostAsJsonAsync($"api/sites/{BrowserFixture.SiteId}/requests",
            new { residentId = "r-wang", kind = "child-care", detail = "Look after her grandson at the gate house for an hour", dueAt = DateTimeOffset.UtcNow.AddHours(1) }))
            request.EnsureSuccessStatusCode();
    }

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static void AssertAccessible(AxeResult result)
    {
        var problems = result.Violations.Select(violation =>
            $"{violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(node => node.Target?.ToString()))}");
        Assert.Empty(problems);
    }
}
