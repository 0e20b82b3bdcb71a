using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

[Collection(HubCollection.Name)]
public sealed class ApiTests(HubFixture fixture)
{
    [Theory]
    [InlineData("api/sites")]
    [InlineData("api/sites/e2e")]
    [InlineData("api/sites/e2e/gates")]
    [InlineData("api/sites/e2e/residents/r-active")]
    public async Task The_api_refuses_requests_without_a_token(string path)
    {
        using var http = fixture.Hub.Http();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        using var http = fixture.Hub.Http();
        using var response = await http.PostAsJsonAsync("api/auth/token", new { username = "admin", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_request_without_fields_names_them()
    {
        using var http = fixture.Hub.Http();
        using var response = await http.PostAsJsonAsync("api/auth/token", new { });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("username", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task An_operator_may_read_but_not_provision()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using (var created = await admin.PutAsJsonAsync("api/users/op-1",
            new { password = "operator-password", role = "operator", sites = new[] { HubFixture.SiteId } }))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var op = fixture.Hub.Http(await fixture.Hub.TokenAsync("op-1", "operator-password"));

        using var gates = await op.GetAsync($"api/sites/{HubFixture.SiteId}/gates");
        Assert.Equal(HttpStatusCode.OK, gates.StatusCode);
        using var provision = await op.PutAsJsonAsync($"api/sites/{HubFixture.SiteId}/gates/op-gate", new { kind = "pedestrian", direction = "in" });
        Assert.Equal(HttpStatusCode.Forbidden, provision.StatusCode);
        using var site = await op.PutAsJsonAsync("api/sites/op-site", new { name = "Not allowed" });
        Assert.Equal(HttpStatusCode.Forbidden, site.StatusCode);
    }

    [Fact]
    public async Task A_user_sees_only_the_sites_they_were_given()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        await new Provisioning(admin).SiteAsync("other-site");
        using (var created = await admin.PutAsJsonAsync("api/users/staff-1",
            new { password = "staff-password", role = "staff", sites = new[] { "other-site" } }))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var token = await fixture.Hub.TokenAsync("staff-1", "staff-password");
        using var staff = fixture.Hub.Http(token);

        var sites = await staff.GetFromJsonAsync<JsonElement[]>("api/sites");
        Assert.Equal(["other-site"], sites!.Select(s => s.GetProperty("siteId").GetString()));
        using var hidden = await staff.GetAsync($"api/sites/{HubFixture.SiteId}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        await using var feed = await FeedClient.ConnectAsync(fixture.Hub, token);
        await feed.JoinSiteAsync("other-site");
        await Assert.ThrowsAsync<HubException>(() => feed.JoinSiteAsync(HubFixture.SiteId));
    }

    [Fact]
    public async Task An_invalid_site_config_is_refused_naming_each_field_and_changes_nothing()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        var before = await admin.GetStringAsync($"api/sites/{HubFixture.SiteId}");

        using var response = await admin.PutAsJsonAsync($"api/sites/{HubFixture.SiteId}", new
        {
            name = "Changed",
            timeZone = "Mars/Olympus",
            language = "tlh",
            parking = new { capacity = -1, fee = new { periodMinutes = 0 } },
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "timeZone", "language", "parking.capacity", "parking.fee.periodMinutes" })
            Assert.True(errors.TryGetProperty(field, out _), $"errors should name {field}: {errors}");
        Assert.Equal(before, await admin.GetStringAsync($"api/sites/{HubFixture.SiteId}"));
    }

    [Fact]
    public async Task A_body_with_a_field_of_the_wrong_type_is_refused_naming_the_field()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var content = new StringContent("""{"name":"X","parking":{"capacity":"lots"}}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PutAsync($"api/sites/{HubFixture.SiteId}", content);
        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("parking.capacity", out _), errors.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var content = new StringContent("{name:", System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PutAsync($"api/sites/{HubFixture.SiteId}/residents/r-x", content);
        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_partial_site_config_keeps_the_defaults()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var response = await admin.PutAsJsonAsync("api/sites/partial-site", new { name = "Partial", parking = new { capacity = 50 } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var site = await admin.GetFromJsonAsync<JsonElement>("api/sites/partial-site");
        Assert.Equal(50, site.GetProperty("parking").GetProperty("capacity").GetInt32());
        Assert.Equal(15, site.GetProperty("parking").GetProperty("paidGraceMinutes").GetInt32());
        Assert.Equal(500, site.GetProperty("parking").GetProperty("fee").GetProperty("firstCents").GetInt32());
        Assert.Equal("Asia/Shanghai", site.GetProperty("timeZone").GetString());
        Assert.Equal(60, site.GetProperty("sla").GetProperty("criticalSeconds").GetInt32());
    }

    [Fact]
    public async Task An_invalid_gate_is_refused_naming_each_field()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var response = await admin.PutAsJsonAsync($"api/sites/{HubFixture.SiteId}/gates/bad-gate",
            new { kind = "helicopter", direction = "up", openSeconds = 0 });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("direction", out _));
        Assert.True(errors.TryGetProperty("openSeconds", out _));
        using var missing = await admin.GetAsync($"api/sites/{HubFixture.SiteId}/gates/bad-gate");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_gate_of_a_site_that_does_not_exist_is_not_found()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var response = await admin.PutAsJsonAsync("api/sites/nowhere/gates/g1", new { kind = "pedestrian", direction = "in" });
        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rotating_a_gate_secret_issues_new_credentials_and_an_update_without_rotation_issues_none()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        var path = $"api/sites/{HubFixture.SiteId}/gates/rotating";
        var created = await (await admin.PutAsJsonAsync(path, new { kind = "pedestrian", direction = "in" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"{HubFixture.SiteId}/rotating", created.GetProperty("mqtt").GetProperty("username").GetString());

        await using var before = await GateClient.ConnectAsync(fixture.Hub.Options.MqttPort, HubFixture.SiteId, "rotating",
            created.GetProperty("mqtt").GetProperty("password").GetString()!);
        var updated = await (await admin.PutAsJsonAsync(path, new { kind = "pedestrian", direction = "out", name = "Renamed" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(updated.TryGetProperty("mqtt", out _));
        Assert.Equal("Renamed", updated.GetProperty("name").GetString());

        var rotated = await (await admin.PutAsJsonAsync(path + "?rotateSecret=true", new { kind = "pedestrian", direction = "out" })).Content.ReadFromJsonAsync<JsonElement>();
        var password = rotated.GetProperty("mqtt").GetProperty("password").GetString()!;
        Assert.NotEqual(created.GetProperty("mqtt").GetProperty("password").GetString(), password);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (before.Mqtt.IsConnected && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.False(before.Mqtt.IsConnected, "a connection made with the old secret is ended");
        await using var gate = await GateClient.ConnectAsync(fixture.Hub.Options.MqttPort, HubFixture.SiteId, "rotating", password);
        Assert.True(gate.Mqtt.IsConnected);
    }

    [Fact]
    public async Task A_card_of_an_active_resident_cannot_be_given_to_another_resident()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var response = await admin.PutAsJsonAsync($"api/sites/{HubFixture.SiteId}/residents/r-thief",
            new { name = "Thief", unit = "9-9-9999", cards = new[] { HubFixture.ActiveCard.ToUpperInvariant() } });
        await ProblemAsync(response, HttpStatusCode.Conflict);
        using var missing = await admin.GetAsync($"api/sites/{HubFixture.SiteId}/residents/r-thief");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await using var door = await fixture.Door1Async();
        await door.SwipeAsync($"ev-{Guid.NewGuid():N}", HubFixture.ActiveCard);
        Assert.Equal("granted.resident", (await door.NextCommandAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_invalid_resident_is_refused_naming_each_field()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var response = await admin.PutAsJsonAsync($"api/sites/{HubFixture.SiteId}/residents/r-bad",
            new { name = "", unit = "1", cards = new[] { "xyz" }, care = new[] { "grumpy" }, birthday = "1990-02-30" });
        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "name", "cards", "care", "birthday" })
            Assert.True(errors.TryGetProperty(field, out _), $"errors should name {field}: {errors}");
    }

    [Fact]
    public async Task A_stored_resident_reads_back_with_normalised_cards_and_plates()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        using var put = await admin.PutAsJsonAsync($"api/sites/{HubFixture.SiteId}/residents/r-read",
            new { name = "陈静", unit = "7-1-0301", care = new[] { "pregnant" }, cards = new[] { "abc123" }, plates = new[] { "粤b 12345" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var resident = await admin.GetFromJsonAsync<JsonElement>($"api/sites/{HubFixture.SiteId}/residents/r-read");
        Assert.Equal("陈静", resident.GetProperty("name").GetString());
        Assert.Equal("ABC123", resident.GetProperty("cards")[0].GetString());
        Assert.Equal("粤B12345", resident.GetProperty("plates")[0].GetString());
        Assert.True(resident.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var http = fixture.Hub.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_web_client_is_served_from_the_dashboard_with_its_bundle_and_manifest()
    {
        using var http = fixture.Hub.Http();
        using var index = await http.GetAsync("/");
        var page = await index.Content.ReadAsStringAsync();
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        var script = System.Text.RegularExpressions.Regex.Match(page, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(script), page);
        using var bundle = await http.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("immutable", bundle.Headers.CacheControl?.ToString());
        using var manifest = await http.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), body);
        return problem;
    }
}
