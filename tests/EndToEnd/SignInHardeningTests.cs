using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Ops.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace Ops.EndToEnd;

/// <summary>Sign-in under attack, tokens of a changed user, refused hub calls in the log and the security
/// headers. Floods come from their own loopback addresses (127.0.0.2 and up), so the limits they trip
/// never touch the rest of the suite, which signs in from 127.0.0.1.</summary>
[Collection(HubCollection.Name)]
public sealed class SignInHardeningTests(HubFixture fixture, ITestOutputHelper output)
{
    private const string Password = "hardening-password";

    private async Task UserAsync(string username, string role, string password = Password, params string[] sites)
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var response = await admin.PutAsJsonAsync($"api/users/{username}", new { password, role, sites });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string username, string password) =>
        http.PostAsJsonAsync("api/auth/token", new { username, password });

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private async Task<TimeSpan> TimedAdminSignInAsync()
    {
        using var http = fixture.Hub.Http();
        var clock = Stopwatch.StartNew();
        using var response = await SignInAsync(http, "admin", fixture.Hub.AdminPassword);
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return clock.Elapsed;
    }

    [Fact]
    public async Task Floods_of_wrong_passwords_are_refused_with_429_and_the_admin_still_signs_in_at_once()
    {
        await UserAsync("sh-victim", "staff");

        // 60 wrong passwords for one user, one after another: the first few are checked, the rest refused.
        using (var attacker = LoopbackSource.Http(fixture.Hub, "127.0.0.2"))
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 60; i++)
            {
                using var response = await SignInAsync(attacker, "sh-victim", $"guess-{i}");
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && statuses.Count(s => s == HttpStatusCode.TooManyRequests) == 1)
                    await AssertTooManyAsync(response);
            }
            Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 1, 5);
            Assert.Equal(60, statuses.Count(s => s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests));
        }

        // 200 at once for admin from another address, while the real admin signs in from 127.0.0.1. What
        // it may take is measured against the same sign-in just before, under the machine's load at the time.
        var baseline = TimeSpan.FromMilliseconds(Median([
            (await TimedAdminSignInAsync()).TotalMilliseconds,
            (await TimedAdminSignInAsync()).TotalMilliseconds,
            (await TimedAdminSignInAsync()).TotalMilliseconds]));
        using var flooder = LoopbackSource.Http(fixture.Hub, "127.0.0.3");
        var flood = Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await SignInAsync(flooder, "admin", $"guess-{i}");
            return response.StatusCode;
        }).ToList();
        var during = await TimedAdminSignInAsync();
        var floodStatuses = await Task.WhenAll(flood);
        var after = await TimedAdminSignInAsync();
        output.WriteLine($"admin sign-in before the flood {baseline.TotalMilliseconds:F0} ms (median of 3), during {during.TotalMilliseconds:F0} ms, "
            + $"after {after.TotalMilliseconds:F0} ms; flood: {floodStatuses.Count(s => s == HttpStatusCode.TooManyRequests)} refused with 429, "
            + $"{floodStatuses.Count(s => s == HttpStatusCode.Unauthorized)} checked");

        Assert.DoesNotContain(HttpStatusCode.OK, floodStatuses);
        Assert.InRange(floodStatuses.Count(s => s == HttpStatusCode.Unauthorized), 0, 5);
        Assert.Equal(200, floodStatuses.Count(s => s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests));
        // Idle, the admin signs in within a few hundred milliseconds during the flood; the probe saw 1.9 s and the
        // admin's grain busy for 10-14 s. The margin keeps a loaded 2-core machine from failing the test.
        var allowed = TimeSpan.FromSeconds(1) + 3 * baseline;
        Assert.True(during < allowed, $"the admin's sign-in during the flood took {during.TotalMilliseconds:F0} ms, allowed {allowed.TotalMilliseconds:F0} ms");
        Assert.True(after < allowed, $"the admin's sign-in after the flood took {after.TotalMilliseconds:F0} ms, allowed {allowed.TotalMilliseconds:F0} ms");

        // The flooding address is refused for admin, and for anything once its attempts are spent.
        using var refused = await SignInAsync(flooder, "admin", fixture.Hub.AdminPassword);
        await AssertTooManyAsync(refused);
    }

    [Fact]
    public async Task A_staff_token_ends_when_the_users_password_or_sites_change_over_http_and_signalr()
    {
        await UserAsync("sh-token", "staff", Password, HubFixture.SiteId);
        var token = await fixture.Hub.TokenAsync("sh-token", Password);
        using (var staff = fixture.Hub.Http(token))
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("api/me")).StatusCode);

        // The same user set again changes nothing that the token carries: it goes on working.
        await UserAsync("sh-token", "staff", Password, HubFixture.SiteId);
        await using (var feed = await FeedClient.ConnectAsync(fixture.Hub, token))
        {
            await feed.JoinSiteAsync(HubFixture.SiteId);
            await AssertEndsAsync(token, feed, () => UserAsync("sh-token", "staff", "a-new-password", HubFixture.SiteId));
        }

        var second = await fixture.Hub.TokenAsync("sh-token", "a-new-password");
        await using (var feed = await FeedClient.ConnectAsync(fixture.Hub, second))
        {
            await feed.JoinSiteAsync(HubFixture.SiteId);
            await AssertEndsAsync(second, feed, () => UserAsync("sh-token", "staff", "a-new-password", "sh-elsewhere"));
        }
    }

    private async Task AssertEndsAsync(string token, FeedClient feed, Func<Task> change)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        using var staff = fixture.Hub.Http(token);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("api/me")).StatusCode);

        await change();

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync($"api/sites/{HubFixture.SiteId}/situations")).StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, feed.Connection.State);
        var reconnect = await Assert.ThrowsAsync<HttpRequestException>(() => FeedClient.ConnectAsync(fixture.Hub, token));
        Assert.Equal(HttpStatusCode.Unauthorized, reconnect.StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_stamp_issued_before_stamps_existed_is_refused()
    {
        await UserAsync("sh-old-token", "operator", Password, HubFixture.SiteId);
        var key = await File.ReadAllBytesAsync(Path.Combine(fixture.Hub.Options.DataDirectory, "keys", "token-signing.key"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var old = SignedToken(key, new Dictionary<string, object>
        {
            ["iss"] = "ops-hub",
            ["aud"] = "ops-hub",
            ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"] = "sh-old-token",
            ["http://schemas.microsoft.com/ws/2008/06/identity/claims/role"] = "operator",
            ["site"] = HubFixture.SiteId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        });
        using var anonymous = fixture.Hub.Http(fixture.AdminToken);
        using var withStamp = fixture.Hub.Http(await fixture.Hub.TokenAsync("sh-old-token", Password));
        using var withoutStamp = fixture.Hub.Http(old);

        Assert.Equal(HttpStatusCode.OK, (await withStamp.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withoutStamp.GetAsync("api/me")).StatusCode);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => FeedClient.ConnectAsync(fixture.Hub, old));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static string SignedToken(byte[] key, Dictionary<string, object> claims)
    {
        static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    [Fact]
    public async Task An_unknown_user_takes_as_long_to_refuse_as_a_known_one()
    {
        await UserAsync("sh-timing", "staff");
        var known = new List<double>();
        var unknown = new List<double>();
        // One address per try, so no try is refused by a limit; known and unknown alternate, so load hits both alike.
        for (var i = 0; i < 11; i++)
        {
            using var http = LoopbackSource.Http(fixture.Hub, $"127.0.0.{20 + i}");
            await http.GetAsync("health/live");
            unknown.Add(await TimedFailureAsync(http, $"sh-nobody-{Guid.NewGuid():N}"[..24]));
            known.Add(await TimedFailureAsync(http, "sh-timing"));
        }
        output.WriteLine($"fast refusals (lower quartile): unknown user {LowerQuartile(unknown):F0} ms, known user {LowerQuartile(known):F0} ms; "
            + $"unknown [{string.Join(", ", unknown.Select(v => v.ToString("F0")))}], known [{string.Join(", ", known.Select(v => v.ToString("F0")))}]");

        // Both check one hash of the same cost; without the dummy check an unknown user was about four times faster.
        // Other work on the machine only ever adds time, so the faster refusals show the work each one does.
        Assert.True(LowerQuartile(unknown) > 0.6 * LowerQuartile(known),
            $"unknown {LowerQuartile(unknown):F0} ms, known {LowerQuartile(known):F0} ms");
    }

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double LowerQuartile(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 4);

    private static async Task<double> TimedFailureAsync(HttpClient http, string username)
    {
        var clock = Stopwatch.StartNew();
        using var response = await SignInAsync(http, username, "not-the-password");
        clock.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    [Fact]
    public async Task A_refused_hub_call_is_logged_as_one_warning_without_a_stack_trace()
    {
        await UserAsync("sh-log", "staff", Password, HubFixture.SiteId);
        var marker = $"sh-hidden-{Guid.NewGuid():N}"[..30];
        await using var feed = await FeedClient.ConnectAsync(fixture.Hub, await fixture.Hub.TokenAsync("sh-log", Password));

        var refusal = await Assert.ThrowsAsync<HubException>(() => feed.JoinSiteAsync(marker));
        Assert.Contains($"You may not see site '{marker}'", refusal.Message);

        var dashboard = fixture.Hub.ProcessNamed("dashboard");
        var lines = dashboard.Output;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!lines.Any(line => line.Contains(marker)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            lines = dashboard.Output;
        }
        var at = lines.ToList().FindIndex(line => line.Contains(marker));
        Assert.True(at > 0, dashboard.Tail());
        Assert.Single(lines, line => line.Contains(marker));
        Assert.StartsWith("warn: Ops.Dashboard.Feed.OpsHubFilter", lines[at - 1]);
        Assert.Contains("Refused JoinSite for sh-log", lines[at]);
        Assert.DoesNotContain(lines, line => line.Contains("HubException") || line.Contains("DefaultHubDispatcher"));
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at Microsoft.AspNetCore.SignalR"));
    }

    [Fact]
    public async Task Every_kind_of_answer_carries_the_security_headers()
    {
        using var anonymous = fixture.Hub.Http();
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var page = await anonymous.GetAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("page", page),
            ("asset", await anonymous.GetAsync(script)),
            ("api answer", await admin.GetAsync("api/me")),
            ("problem", await admin.GetAsync("api/sites/sh-nowhere")),
            ("validation problem", await anonymous.PostAsJsonAsync("api/auth/token", new { })),
            ("unauthorised", await anonymous.GetAsync("api/sites")),
            ("not found", await anonymous.GetAsync("no-such-file.txt")),
            ("health", await anonymous.GetAsync("health/live")),
        };
        try
        {
            Assert.Equal(HttpStatusCode.OK, answers[1].Response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, answers[3].Response.StatusCode);
            foreach (var (what, response) in answers)
            {
                var csp = string.Join(" ", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
                Assert.True(csp.Contains("default-src 'self'") && csp.Contains("frame-ancestors 'none'") && csp.Contains("object-src 'none'"),
                    $"{what}: Content-Security-Policy '{csp}'");
                Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
                Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
                Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
            }
        }
        finally
        {
            foreach (var (_, response) in answers)
                response.Dispose();
        }
    }
}
