using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>The three specials (the care rules (README)) over real MQTT gates, HTTP and SignalR, with settings of seconds.</summary>
[Collection(HubCollection.Name)]
public sealed class CareTests(HubFixture fixture)
{
    private sealed class CareSite(HubFixture fixture, string siteId, HttpClient admin, string doorPassword) : IAsyncDisposable
    {
        public string SiteId => siteId;
        public HttpClient Admin => admin;

        public static async Task<CareSite> CreateAsync(HubFixture fixture, string siteId, int welfareSeconds = 3600)
        {
            var admin = fixture.Hub.Http(fixture.AdminToken);
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync(siteId, new
            {
                name = siteId, language = "en", timeZone = "Asia/Shanghai",
                sla = new { criticalSeconds = 60, majorSeconds = 60, minorSeconds = 4 },
                care = new { welfareCheckSeconds = welfareSeconds, welcomeBackDays = 1, childEscortSeconds = 2, cardHelpDenials = 3, cardHelpWindowSeconds = 60 },
            });
            var password = await provisioning.GateAsync(siteId, "door", openSeconds: 5);
            return new CareSite(fixture, siteId, admin, password);
        }

        public async Task ResidentAsync(string id, string name, string unit, string building, string[] care, string? card = null, string? birthday = null)
        {
            using var response = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/{id}",
                new { name, unit, building, care, cards = card is null ? Array.Empty<string>() : [card], birthday });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        public Task<GateClient> DoorAsync() => GateClient.ConnectAsync(fixture.Hub.Options.MqttPort, siteId, "door", doorPassword);

        public async Task<JsonElement[]> SituationsAsync(string kind) =>
            [.. (await admin.GetFromJsonAsync<JsonElement[]>($"api/sites/{siteId}/situations"))!.Where(s => s.GetProperty("kind").GetString() == kind)];

        public async Task<JsonElement> WaitForSituationAsync(string kind, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                if ((await SituationsAsync(kind)).FirstOrDefault() is { ValueKind: JsonValueKind.Object } found)
                    return found;
                if (watch.Elapsed > timeout)
                    throw new TimeoutException($"no {kind} situation within {timeout}");
                await Task.Delay(200);
            }
        }

        public ValueTask DisposeAsync()
        {
            admin.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private static List<string> Personal(JsonElement command) => [.. command.GetProperty("personal").EnumerateArray().Select(p => p.GetString()!)];

    private static async Task<JsonElement> SwipeAsync(GateClient door, string card, string direction = "in", DateTimeOffset? at = null)
    {
        await door.PublishEventAsync(new { eventId = $"ev-{Guid.NewGuid():N}", type = "card.swiped", at = at ?? DateTimeOffset.UtcNow, card, direction });
        return at is null ? await door.NextCommandAsync() : default;
    }

    [Fact]
    public async Task A_resident_in_a_wheelchair_gets_a_longer_open_time_and_staff_are_told()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-assist");
        await site.ResidentAsync("r-1", "Liu Fang", "3-1-0101", "3", ["wheelchair"], "A55151");
        await using var door = await site.DoorAsync();

        var command = await SwipeAsync(door, "A55151");
        Assert.Equal("open", command.GetProperty("action").GetString());
        Assert.Equal(10, command.GetProperty("openSeconds").GetInt32());
        Assert.Equal(["assist"], Personal(command));
        var assist = Assert.Single(await site.SituationsAsync("assist"));
        Assert.Equal("minor", assist.GetProperty("severity").GetString());
        Assert.Equal("r-1", assist.GetProperty("residentId").GetString());
        Assert.Equal("3-1-0101", assist.GetProperty("unit").GetString());
        Assert.Equal("door", assist.GetProperty("gateId").GetString());
    }

    [Fact]
    public async Task A_birthday_is_greeted_at_the_first_passage_of_the_day_only()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-birthday");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await site.ResidentAsync("r-1", "Zhao Lei", "3-1-0102", "3", [], "B1B1B1", today.AddYears(-40).ToString("yyyy-MM-dd"));
        await site.ResidentAsync("r-2", "Sun Li", "3-1-0103", "3", [], "B2B2B2", today.AddDays(1).AddYears(-40).ToString("yyyy-MM-dd"));
        await using var door = await site.DoorAsync();

        var first = await SwipeAsync(door, "B1B1B1");
        Assert.Equal(["birthday"], Personal(first));
        Assert.Equal("Happy birthday, Zhao Lei!", first.GetProperty("display")[0].GetString());
        var second = await SwipeAsync(door, "B1B1B1", "out");
        Assert.Empty(Personal(second));
        Assert.Empty(Personal(await SwipeAsync(door, "B2B2B2")));

        var birthday = Assert.Single(await site.SituationsAsync("birthday"));
        Assert.Equal("info", birthday.GetProperty("severity").GetString());
        Assert.Equal(1, birthday.GetProperty("occurrences").GetInt32());
        Assert.Equal("r-1", birthday.GetProperty("residentId").GetString());
    }

    [Fact]
    public async Task A_resident_back_after_days_away_is_welcomed_back_counting_by_event_time()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-welcome");
        await site.ResidentAsync("r-1", "Qian Yu", "3-1-0104", "3", [], "C1C1C1");
        await using var door = await site.DoorAsync();

        // The last passage reaches the hub from a gate's buffer, two days after it happened.
        await SwipeAsync(door, "C1C1C1", "out", DateTimeOffset.UtcNow.AddDays(-2));
        Assert.True(await door.NoCommandWithinAsync(TimeSpan.FromMilliseconds(300)));
        var back = await SwipeAsync(door, "C1C1C1");
        Assert.Equal(["welcome-back"], Personal(back));
        Assert.Equal("Welcome back, Qian Yu!", back.GetProperty("display")[0].GetString());
        Assert.Equal("info", Assert.Single(await site.SituationsAsync("welcome-back")).GetProperty("severity").GetString());
        Assert.Empty(Personal(await SwipeAsync(door, "C1C1C1", "out")));
    }

    [Fact]
    public async Task A_child_going_out_alone_raises_a_situation_and_a_child_with_a_parent_does_not()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-child");
        await site.ResidentAsync("r-child", "Xiao Ming", "5-1-0501", "5", ["child"], "D1D1D1");
        await site.ResidentAsync("r-parent", "Wang Jun", "5-1-0501", "5", [], "D2D2D2");
        await site.ResidentAsync("r-child2", "Xiao Hong", "5-1-0502", "5", ["child"], "D3D3D3");
        await site.ResidentAsync("r-parent2", "Li Na", "5-1-0502", "5", [], "D4D4D4");
        await site.ResidentAsync("r-neighbour", "Zhou Bo", "5-1-0503", "5", [], "D5D5D5");
        await using var door = await site.DoorAsync();

        await SwipeAsync(door, "D2D2D2", "out");            // a parent just before the child
        await SwipeAsync(door, "D1D1D1", "out");
        await SwipeAsync(door, "D3D3D3", "out");            // a child whose parent follows a second later
        await Task.Delay(1000);
        await SwipeAsync(door, "D5D5D5", "out");            // a neighbour is no escort
        await SwipeAsync(door, "D4D4D4", "out");
        await Task.Delay(3500);
        Assert.Empty(await site.SituationsAsync("child-alone"));

        await SwipeAsync(door, "D1D1D1", "in");
        await SwipeAsync(door, "D1D1D1", "out");            // now alone
        var alone = await site.WaitForSituationAsync("child-alone", TimeSpan.FromSeconds(6));
        Assert.Equal("major", alone.GetProperty("severity").GetString());
        Assert.Equal("r-child", alone.GetProperty("residentId").GetString());
        Assert.Equal("5-1-0501", alone.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task An_elderly_resident_living_alone_who_is_not_seen_gets_a_welfare_check_and_others_do_not()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-welfare", welfareSeconds: 5);
        await site.ResidentAsync("r-alone", "Wang Xiuying", "3-2-1201", "3", ["elderly", "lives-alone"], "E1E1E1");
        await site.ResidentAsync("r-family", "Chen Bo", "3-2-1202", "3", ["elderly"], "E2E2E2");
        await using var door = await site.DoorAsync();
        await Task.Delay(3000);
        await SwipeAsync(door, "E1E1E1", "out");             // re-arms the watch: due 5 s from now
        await Task.Delay(3000);
        Assert.Empty(await site.SituationsAsync("welfare-check"));

        var check = await site.WaitForSituationAsync("welfare-check", TimeSpan.FromSeconds(8));
        Assert.Equal("major", check.GetProperty("severity").GetString());
        Assert.Equal("r-alone", check.GetProperty("residentId").GetString());
        Assert.Equal("3-2-1201", check.GetProperty("unit").GetString());
        Assert.Single(await site.SituationsAsync("welfare-check"));
    }

    [Fact]
    public async Task A_card_refused_again_and_again_asks_for_help_without_showing_the_card()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-cardhelp");
        await using var door = await site.DoorAsync();
        for (var i = 0; i < 2; i++)
            await SwipeAsync(door, "99887766");
        Assert.Empty(await site.SituationsAsync("card-help"));
        await SwipeAsync(door, "99887766");
        var help = Assert.Single(await site.SituationsAsync("card-help"));
        Assert.Equal("minor", help.GetProperty("severity").GetString());
        Assert.Contains("7766", help.GetProperty("title").GetString());
        Assert.DoesNotContain("99887766", help.GetRawText());
    }

    [Fact]
    public async Task A_water_outage_in_building_7_finds_exactly_the_households_to_visit()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-incident");
        await site.ResidentAsync("r-preg", "Chen Jing", "7-1-0301", "7", ["pregnant"]);
        await site.ResidentAsync("r-husband", "Lin Tao", "7-1-0301", "7", []);
        await site.ResidentAsync("r-old1", "Wang Xiuying", "7-1-0302", "7", ["elderly", "lives-alone"]);
        await site.ResidentAsync("r-old2", "Zhang Hua", "7-1-0303", "7", ["elderly"]);
        await site.ResidentAsync("r-old3", "Zhang Min", "7-1-0303", "7", ["elderly"]);
        await site.ResidentAsync("r-old4", "Li Qiang", "7-1-0304", "7", ["elderly"]);
        await site.ResidentAsync("r-young", "Li Wei", "7-1-0304", "7", []);
        await site.ResidentAsync("r-ill", "Guo Ping", "7-2-0101", "7", ["ill"]);
        await site.ResidentAsync("r-8", "He Jun", "8-1-0101", "8", ["disabled"]);

        using var response = await site.Admin.PostAsJsonAsync($"api/sites/{site.SiteId}/incidents",
            new { kind = "water-outage", building = "7", title = "Water outage in building 7", detail = "until 18:00" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(posted.GetProperty("incidentId").GetString()));

        var situations = new List<JsonElement>();
        foreach (var id in posted.GetProperty("situations").EnumerateArray())
            situations.Add(await fixture.Hub.GetJsonAsync(site.Admin, $"api/situations/{id.GetString()}"));
        Assert.Equal(["7-1-0301", "7-1-0302", "7-1-0303", "7-2-0101"], situations.Select(s => s.GetProperty("unit").GetString()));
        var pregnant = situations[0];
        Assert.Equal("incident-care", pregnant.GetProperty("kind").GetString());
        Assert.Equal("r-preg", pregnant.GetProperty("residentId").GetString());
        Assert.Contains("Chen Jing (pregnant)", pregnant.GetProperty("detail").GetString());
        Assert.Contains("Lin Tao", pregnant.GetProperty("detail").GetString());
        Assert.Contains(pregnant.GetProperty("checklist").EnumerateArray(), step => step.GetProperty("step").GetString() == "Deliver drinking water");

        using var invalid = await site.Admin.PostAsJsonAsync($"api/sites/{site.SiteId}/incidents", new { kind = "meteor", title = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task A_special_request_escalates_when_due_and_not_acknowledged()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-request");
        await site.ResidentAsync("r-1", "Ma Li", "2-1-0201", "2", []);
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        using var response = await site.Admin.PostAsJsonAsync($"api/sites/{site.SiteId}/requests",
            new { residentId = "r-1", kind = "child-care", detail = "look after her son while she goes to the pharmacy", dueAt = due });
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request", request.GetProperty("kind").GetString());
        Assert.Equal("2-1-0201", request.GetProperty("unit").GetString());
        Assert.Equal("r-1", request.GetProperty("residentId").GetString());
        Assert.True(request.TryGetProperty("dueAt", out _));

        var id = request.GetProperty("id").GetString();
        var watch = Stopwatch.StartNew();
        while ((await fixture.Hub.GetJsonAsync(site.Admin, $"api/situations/{id}")).GetProperty("escalationLevel").GetInt32() == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), "the request did not escalate when due");
            await Task.Delay(200);
        }
        Assert.InRange(DateTimeOffset.UtcNow - due, TimeSpan.FromSeconds(-0.5), TimeSpan.FromSeconds(3));

        using var past = await site.Admin.PostAsJsonAsync($"api/sites/{site.SiteId}/requests",
            new { residentId = "r-1", kind = "x", detail = "y", dueAt = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
    }

    [Fact]
    public async Task Care_tags_are_for_operators_and_staff_sent_to_the_resident_and_the_feed_shows_names_only()
    {
        await using var site = await CareSite.CreateAsync(fixture, "care-privacy");
        await site.ResidentAsync("r-1", "Feng Yu", "6-1-0601", "6", ["wheelchair"], "F1F1F1", "1950-05-05");
        await new Provisioning(site.Admin).UserAsync("privacy-staff", "staff-password", "staff", site.SiteId);
        await new Provisioning(site.Admin).UserAsync("privacy-operator", "operator-password", "operator", site.SiteId);
        using var staff = fixture.Hub.Http(await fixture.Hub.TokenAsync("privacy-staff", "staff-password"));
        using var op = fixture.Hub.Http(await fixture.Hub.TokenAsync("privacy-operator", "operator-password"));
        await using var feed = await FeedClient.ConnectAsync(fixture.Hub, fixture.AdminToken);
        await feed.JoinSiteAsync(site.SiteId);
        await using var door = await site.DoorAsync();

        await SwipeAsync(door, "F1F1F1");
        var entry = await feed.NextAsync(e => e.GetProperty("residentId").ValueKind == JsonValueKind.String);
        Assert.Equal("Feng Yu", entry.GetProperty("residentName").GetString());
        Assert.DoesNotContain("wheelchair", entry.GetRawText());
        Assert.DoesNotContain("1950", entry.GetRawText());

        using (var hidden = await staff.GetAsync($"api/sites/{site.SiteId}/residents/r-1"))
            Assert.Equal(HttpStatusCode.Forbidden, hidden.StatusCode);
        var assist = Assert.Single(await site.SituationsAsync("assist"));
        (await op.PostAsJsonAsync($"api/situations/{assist.GetProperty("id").GetString()}/assign", new { username = "privacy-staff" })).EnsureSuccessStatusCode();
        var resident = await fixture.Hub.GetJsonAsync(staff, $"api/sites/{site.SiteId}/residents/r-1");
        Assert.Equal(["wheelchair"], resident.GetProperty("care").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("1950-05-05", resident.GetProperty("birthday").GetString());
    }
}
