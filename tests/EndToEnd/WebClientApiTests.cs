using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>What the web client reads besides the contract: the caller, the users of a site, and the
/// live feed's recent past and activity.</summary>
[Collection(HubCollection.Name)]
public sealed class WebClientApiTests(HubFixture fixture)
{
    private const string Password = "web-client-password";

    private async Task<HttpClient> UserAsync(string username, string role, string? displayName, params string[] sites)
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using (var response = await admin.PutAsJsonAsync($"api/users/{username}", new { password = Password, role, displayName, sites }))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return fixture.Hub.Http(await fixture.Hub.TokenAsync(username, Password));
    }

    private static string[] Usernames(JsonElement[] users) => [.. users.Select(u => u.GetProperty("username").GetString()!)];

    private static string[] EventIds(JsonElement[] events) => [.. events.Select(e => e.GetProperty("eventId").GetString()!)];

    /// <summary>Polls until the condition holds, for what arrives through the feed a moment after the gate's command.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(100);
        }
    }

    private static DateTimeOffset MinuteStart(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    [Fact]
    public async Task Me_answers_the_caller_with_role_display_name_and_sites()
    {
        using var op = await UserAsync("wc-me", "operator", "Night shift", HubFixture.SiteId, "wc-elsewhere");

        var me = await fixture.Hub.GetJsonAsync(op, "api/me");

        Assert.Equal("wc-me", me.GetProperty("username").GetString());
        Assert.Equal("operator", me.GetProperty("role").GetString());
        Assert.Equal("Night shift", me.GetProperty("displayName").GetString());
        Assert.Equal([HubFixture.SiteId, "wc-elsewhere"], me.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.False(me.TryGetProperty("password", out _));
        Assert.False(me.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Me_without_a_display_name_leaves_it_out_and_without_a_token_is_unauthorised()
    {
        using var staff = await UserAsync("wc-me-plain", "staff", null, HubFixture.SiteId);
        var me = await fixture.Hub.GetJsonAsync(staff, "api/me");
        Assert.Equal("staff", me.GetProperty("role").GetString());
        Assert.False(me.TryGetProperty("displayName", out _));

        using var anonymous = fixture.Hub.Http();
        using var response = await anonymous.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_users_of_a_site_are_the_admins_and_those_given_the_site_sorted_by_username()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        await new Provisioning(admin).SiteAsync("wc-other");
        (await UserAsync("wc-z-staff", "staff", "Zhao Lei", HubFixture.SiteId)).Dispose();
        (await UserAsync("wc-a-staff", "staff", null, HubFixture.SiteId)).Dispose();
        (await UserAsync("wc-outsider", "staff", "Elsewhere", "wc-other")).Dispose();
        using var op = await UserAsync("wc-site-op", "operator", null, HubFixture.SiteId);

        var users = (await op.GetFromJsonAsync<JsonElement[]>($"api/sites/{HubFixture.SiteId}/users"))!;

        var names = Usernames(users);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("admin", names);
        Assert.Contains("wc-a-staff", names);
        Assert.Contains("wc-site-op", names);
        Assert.DoesNotContain("wc-outsider", names);
        var zhao = Assert.Single(users, u => u.GetProperty("username").GetString() == "wc-z-staff");
        Assert.Equal(["username", "displayName", "role"], zhao.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Zhao Lei", zhao.GetProperty("displayName").GetString());
        Assert.Equal("staff", zhao.GetProperty("role").GetString());
        var plain = Assert.Single(users, u => u.GetProperty("username").GetString() == "wc-a-staff");
        Assert.False(plain.TryGetProperty("displayName", out _));

        var other = (await admin.GetFromJsonAsync<JsonElement[]>("api/sites/wc-other/users"))!;
        Assert.Contains("wc-outsider", Usernames(other));
        Assert.DoesNotContain("wc-a-staff", Usernames(other));
    }

    [Fact]
    public async Task A_changed_user_is_listed_as_changed()
    {
        (await UserAsync("wc-moved", "staff", null, "wc-before")).Dispose();
        (await UserAsync("wc-moved", "operator", "Moved", HubFixture.SiteId)).Dispose();
        using var admin = fixture.Hub.Http(fixture.AdminToken);

        var users = (await admin.GetFromJsonAsync<JsonElement[]>($"api/sites/{HubFixture.SiteId}/users"))!;

        var moved = Assert.Single(users, u => u.GetProperty("username").GetString() == "wc-moved");
        Assert.Equal("operator", moved.GetProperty("role").GetString());
        Assert.Equal("Moved", moved.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task An_admin_lists_every_user_without_secrets_sorted_by_username_and_an_operator_may_not()
    {
        (await UserAsync("wc-listed", "staff", "Listed", "wc-somewhere")).Dispose();
        using var admin = fixture.Hub.Http(fixture.AdminToken);

        var users = (await admin.GetFromJsonAsync<JsonElement[]>("api/users"))!;

        var names = Usernames(users);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var listed = Assert.Single(users, u => u.GetProperty("username").GetString() == "wc-listed");
        Assert.Equal(["username", "role", "displayName", "sites"], listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["wc-somewhere"], listed.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("admin", Assert.Single(users, u => u.GetProperty("username").GetString() == "admin").GetProperty("role").GetString());

        using var op = await UserAsync("wc-list-op", "operator", null, HubFixture.SiteId);
        using var refused = await op.GetAsync("api/users");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("events")]
    [InlineData("activity")]
    public async Task Staff_may_not_read_a_sites_users_events_or_activity(string part)
    {
        using var staff = await UserAsync("wc-staff-reader", "staff", null, HubFixture.SiteId);

        using var response = await staff.GetAsync($"api/sites/{HubFixture.SiteId}/{part}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("events")]
    [InlineData("activity")]
    public async Task An_operator_gets_404_for_the_users_events_and_activity_of_a_site_they_may_not_see(string part)
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        await new Provisioning(admin).SiteAsync("wc-hidden");
        using var op = await UserAsync("wc-blind-op", "operator", null, HubFixture.SiteId);

        using var hidden = await op.GetAsync($"api/sites/wc-hidden/{part}");
        using var missing = await admin.GetAsync($"api/sites/wc-nowhere/{part}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-5")]
    [InlineData("ten")]
    public async Task An_events_limit_outside_1_to_200_is_refused_naming_limit(string limit)
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);

        using var response = await admin.GetAsync($"api/sites/{HubFixture.SiteId}/events?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), problem.ToString());
    }

    [Fact]
    public async Task Swipes_show_up_in_the_recent_events_newest_first_and_are_counted_in_their_minute()
    {
        await using var site = await SituationSite.CreateAsync(fixture.Hub, fixture.AdminToken, "wc-feed");
        using var op = await UserAsync("wc-feed-op", "operator", null, site.SiteId);
        await using var door = await site.DoorAsync();
        var before = MinuteStart(DateTimeOffset.UtcNow);
        string[] ids = [.. Enumerable.Range(0, 3).Select(_ => $"ev-{Guid.NewGuid():N}")];
        foreach (var id in ids)
        {
            await door.SwipeAsync(id, "c0de01");
            Assert.Equal("granted.resident", (await door.NextCommandAsync()).GetProperty("reason").GetString());
        }

        var events = await EventuallyAsync(
            async () => (await op.GetFromJsonAsync<JsonElement[]>($"api/sites/{site.SiteId}/events"))!,
            events => events.Length >= 3);
        var after = MinuteStart(DateTimeOffset.UtcNow);

        Assert.Equal(ids.Reverse(), EventIds(events));
        var newest = events[0];
        Assert.Equal(site.SiteId, newest.GetProperty("siteId").GetString());
        Assert.Equal(SituationSite.Door, newest.GetProperty("gateId").GetString());
        Assert.Equal("card.swiped", newest.GetProperty("type").GetString());
        Assert.Equal("DE01", newest.GetProperty("cardTail").GetString());
        Assert.False(newest.TryGetProperty("card", out _));
        Assert.DoesNotContain("C0DE01", newest.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ids[^1..].Reverse(), EventIds((await op.GetFromJsonAsync<JsonElement[]>($"api/sites/{site.SiteId}/events?limit=1"))!));

        var activity = await fixture.Hub.GetJsonAsync(op, $"api/sites/{site.SiteId}/activity");
        var minutes = activity.GetProperty("minutes").EnumerateArray().ToList();
        Assert.Equal(60, minutes.Count);
        Assert.Equal(["at", "events", "critical", "major", "minor", "info"], minutes[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(minutes[0].GetProperty("at").GetDateTimeOffset(), activity.GetProperty("from").GetDateTimeOffset());
        var last = minutes[^1].GetProperty("at").GetDateTimeOffset();
        Assert.True(last == after || last == after.AddMinutes(1), $"the last minute {last:O} is the current one ({after:O})");
        Assert.Equal(TimeSpan.Zero, last.Offset);
        var during = minutes.Where(m => m.GetProperty("at").GetDateTimeOffset() >= before && m.GetProperty("at").GetDateTimeOffset() <= after);
        Assert.Equal(3, during.Sum(m => m.GetProperty("events").GetInt32()));
        Assert.Equal(3, minutes.Sum(m => m.GetProperty("events").GetInt32()));
    }

    [Fact]
    public async Task A_forced_door_counts_as_critical_in_the_last_minute_until_it_is_resolved()
    {
        await using var site = await SituationSite.CreateAsync(fixture.Hub, fixture.AdminToken, "wc-activity");
        using var op = await UserAsync("wc-activity-op", "operator", null, site.SiteId);
        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("door.forced"));
        var forced = Assert.Single(await site.OpenSituationsAsync(op), s => s.GetProperty("kind").GetString() == "door-forced");

        var activity = await fixture.Hub.GetJsonAsync(op, $"api/sites/{site.SiteId}/activity");
        var minutes = activity.GetProperty("minutes").EnumerateArray().ToList();
        Assert.Equal(1, minutes[^1].GetProperty("critical").GetInt32());
        Assert.Equal(0, minutes[^1].GetProperty("major").GetInt32());
        Assert.Equal(0, minutes[0].GetProperty("critical").GetInt32());

        using (var resolve = await site.PostAsync($"api/situations/{forced.GetProperty("id").GetString()}/resolve", new { }, op))
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var after = await fixture.Hub.GetJsonAsync(op, $"api/sites/{site.SiteId}/activity");
        Assert.Equal(0, after.GetProperty("minutes").EnumerateArray().Last().GetProperty("critical").GetInt32());
    }
}
