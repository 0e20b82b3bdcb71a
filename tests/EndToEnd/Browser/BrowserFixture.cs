using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd.Browser;

/// <summary>A running hub with one site, and Debian's Chromium driven by Playwright. Every page opens in
/// its own browser context (its own tab storage, as a second person's browser would be), and every
/// request a page makes is recorded, so tests can show that none leaves the machine.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string SiteId = "maple";
    public const string Door = "east-door";
    public const string NorthDoor = "north-door";
    public const string StaffUser = "mei.staff";
    public const string StaffPassword = "staff-password-1";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly ConcurrentQueue<string> requests = new();
    private readonly List<IBrowserContext> contexts = [];
    private IPlaywright? playwright;

    public Hub Hub { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string DoorPassword { get; private set; } = "";

    public string NorthDoorPassword { get; private set; } = "";

    /// <summary>Screenshots taken by the tests: artifacts/screenshots under the repository (git-ignored).</summary>
    public static string ScreenshotDirectory => Path.Combine(Repository.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync(HubOptions.Fresh());
        using var admin = Hub.Http(await Hub.AdminTokenAsync());
        var provisioning = new Provisioning(admin);
        await provisioning.SiteAsync(SiteId, new { name = "Maple Court", timeZone = "Asia/Shanghai", language = "zh-CN" });
        DoorPassword = await provisioning.GateAsync(SiteId, Door);
        NorthDoorPassword = await provisioning.GateAsync(SiteId, NorthDoor);
        await provisioning.GateAsync(SiteId, "car-in", kind: "vehicle");
        await provisioning.UserAsync(StaffUser, StaffPassword, "staff", SiteId);
        await provisioning.ResidentAsync(SiteId, "r-wang", "Wang Xiuying", ["aa0001"]);
        await ResidentAsync(admin, "r-zhao", new { name = "赵桂兰", unit = "3-1-0502", building = "3", care = new[] { "elderly", "lives-alone" }, cards = new[] { "aa0002" } });
        await ResidentAsync(admin, "r-liu", new { name = "Liu Yang", unit = "7-1-0301", building = "7", care = new[] { "wheelchair" }, cards = new[] { "aa0003" } });

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    private static async Task ResidentAsync(HttpClient admin, string residentId, object resident)
    {
        using var response = await admin.PutAsJsonAsync($"api/sites/{SiteId}/residents/{residentId}", resident);
        response.EnsureSuccessStatusCode();
    }

    public Task<GateClient> DoorAsync() => GateClient.ConnectAsync(Hub.Options.MqttPort, SiteId, Door, DoorPassword);

    public Task<GateClient> NorthDoorAsync() => GateClient.ConnectAsync(Hub.Options.MqttPort, SiteId, NorthDoor, NorthDoorPassword);

    /// <summary>A new browser (context) at the given size and language, signed in and on a page of the app.</summary>
    public async Task<IPage> SignInAsync(string username, string password, string route, int width = 1920, int height = 1080, string language = "en")
    {
        var page = await NewPageAsync(width, height, language);
        await page.GotoAsync($"{Hub.BaseAddress}#/{route}");
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("link")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        return page;
    }

    public Task<IPage> SignInAsAdminAsync(string route = "control", int width = 1920, int height = 1080, string language = "en") =>
        SignInAsync("admin", Hub.AdminPassword, route, width, height, language);

    public async Task<IPage> NewPageAsync(int width = 1920, int height = 1080, string language = "en")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = language,
        });
        contexts.Add(context);
        context.Request += (_, request) => requests.Enqueue(request.Url);
        // The language a user chose is remembered; a new browser starts with the one the test asks for.
        await context.AddInitScriptAsync($"if (!localStorage.getItem('ops.lang')) localStorage.setItem('ops.lang', '{language}');");
        return await context.NewPageAsync();
    }

    /// <summary>Every request any page made to a host other than this machine's loopback.</summary>
    public IReadOnlyList<string> ForeignRequests() => [.. requests.Where(url => !IsLocal(url))];

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png") });
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
            await context.CloseAsync();
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        if (Hub is not null)
            await Hub.DisposeAsync();
    }

    private static bool IsLocal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return true;
        if (uri.Scheme is "data" or "blob" or "about")
            return true;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
    }
}

/// <summary>Browser tests run on their own, after the others: they hold screens to time limits
/// (a forced door on the board within a second) that a second hub busy beside them would blur.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
