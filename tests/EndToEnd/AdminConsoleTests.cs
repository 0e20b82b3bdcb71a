using System.Net;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>The admins' pages: the Orleans Dashboard, the OpenAPI document and its reference page.</summary>
[Collection(HubCollection.Name)]
public sealed class AdminConsoleTests(HubFixture fixture)
{
    private const string OperatorPassword = "operator-password-for-tests";

    [Theory]
    [InlineData("orleans/")]
    [InlineData("orleans/ClusterStats")]
    [InlineData("api-reference/")]
    public async Task Admin_pages_refuse_anonymous_callers_and_non_admins(string path)
    {
        using var anonymous = fixture.Hub.Http();
        using (var response = await anonymous.GetAsync(path))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var operatorHttp = fixture.Hub.Http(await OperatorTokenAsync());
        using (var response = await operatorHttp.GetAsync(path))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using (var response = await admin.GetAsync(path))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_reaches_the_orleans_dashboard_with_the_cookie_an_admin_token_buys()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = fixture.Hub.BaseAddress };
        using (var before = await browser.GetAsync("orleans/"))
            Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);

        using (var open = new HttpRequestMessage(HttpMethod.Post, "api/admin/console"))
        {
            open.Headers.Authorization = new("Bearer", fixture.AdminToken);
            using var opened = await browser.SendAsync(open);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        }

        using (var page = await browser.GetAsync("orleans/"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync());
        }
        using (var stats = await browser.GetAsync("orleans/ClusterStats"))
            Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        using (var reference = await browser.GetAsync("api-reference/"))
            Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        // The cookie opens the console pages alone, not the API, and its token is no bearer token either.
        using (var api = await browser.GetAsync("api/me"))
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var consoleToken = cookies.GetCookies(fixture.Hub.BaseAddress)["ops_console"]!.Value;
        using (var bearer = new HttpRequestMessage(HttpMethod.Get, "api/me"))
        {
            bearer.Headers.Authorization = new("Bearer", consoleToken);
            using var refused = await browser.SendAsync(bearer);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        // Grain state (password and secret hashes among it) stays closed even to admins.
        using (var state = await browser.GetAsync("orleans/GrainState?grainType=x&grainId=y"))
            Assert.Equal(HttpStatusCode.Forbidden, state.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_token_buys_the_console_cookie()
    {
        using var operatorHttp = fixture.Hub.Http(await OperatorTokenAsync());
        using (var response = await operatorHttp.PostAsync("api/admin/console", null))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var anonymous = fixture.Hub.Http();
        using (var response = await anonymous.PostAsync("api/admin/console", null))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_main_endpoints()
    {
        using var anonymous = fixture.Hub.Http();
        using (var refused = await anonymous.GetAsync("openapi/v1.json"))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var admin = fixture.Hub.Http(fixture.AdminToken);
        var document = await fixture.Hub.GetJsonAsync(admin, "openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        (string Path, string Method)[] main =
        [
            ("/api/auth/token", "post"), ("/api/sites", "get"), ("/api/sites/{siteId}", "put"),
            ("/api/sites/{siteId}/gates/{gateId}", "put"), ("/api/sites/{siteId}/gates/{gateId}/open", "post"),
            ("/api/sites/{siteId}/residents/{residentId}", "put"), ("/api/sites/{siteId}/residents/import", "post"),
            ("/api/sites/{siteId}/situations", "get"), ("/api/situations/{id}/acknowledge", "post"),
            ("/api/situations/{id}/resolve", "post"), ("/api/sites/{siteId}/incidents", "post"), ("/api/sites/{siteId}/requests", "post"),
        ];
        foreach (var (path, method) in main)
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is not listed");
        }
        Assert.DoesNotContain(paths.EnumerateObject(), path => path.Name.StartsWith("/orleans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_orleans_dashboard_counts_the_silo_without_the_gauges_that_walk_every_activation()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        var cluster = await fixture.Hub.GetJsonAsync(admin, "orleans/DashboardCounters");
        var silo = Assert.Single(cluster.GetProperty("hosts").EnumerateArray()).GetProperty("siloAddress").GetString();

        // The silo reports its counters once a second.
        string[] names = [];
        for (var attempt = 0; attempt < 50 && !names.Contains("orleans-catalog-activations"); attempt++)
        {
            if (attempt > 0)
                await Task.Delay(200);
            var counters = await fixture.Hub.GetJsonAsync(admin, $"orleans/SiloCounters/{Uri.EscapeDataString(silo!)}");
            names = counters.EnumerateArray().Select(counter => counter.GetProperty("name").GetString()!).ToArray();
        }
        Assert.Contains("orleans-catalog-activations", names);
        Assert.Contains("orleans-messaging-received-messages-size", names);
        Assert.DoesNotContain("orleans-messaging-processing-activation-data", names);
        Assert.DoesNotContain("orleans-directory-cache-size", names);
    }

    [Fact]
    public async Task Ready_names_each_part_it_checked()
    {
        using var http = fixture.Hub.Http();
        using var response = await http.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["broker", "database", "silo"], body.GetProperty("checks").EnumerateObject().Select(check => check.Name).Order());
    }

    // Sign-ins are rate limited per address and the hub is shared: one operator token for the whole class.
    private static Task<string>? operatorToken;

    private Task<string> OperatorTokenAsync() => operatorToken ??= SignInOperatorAsync();

    private async Task<string> SignInOperatorAsync()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        await new Provisioning(admin).UserAsync("console-operator", OperatorPassword, "operator", HubFixture.SiteId);
        return await fixture.Hub.TokenAsync("console-operator", OperatorPassword);
    }
}
