using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>The situations engine over real MQTT gates, HTTP and SignalR; each test has a site of its own.</summary>
[Collection(HubCollection.Name)]
public sealed class SituationTests(HubFixture fixture)
{
    private Task<SituationSite> SiteAsync(string siteId, int heartbeatSeconds = 30) =>
        SituationSite.CreateAsync(fixture.Hub, fixture.AdminToken, siteId, heartbeatSeconds);

    private static string Id(JsonElement view) => view.GetProperty("id").GetString()!;

    private static bool Kind(JsonElement view, string kind) => view.GetProperty("kind").GetString() == kind;

    [Fact]
    public async Task A_forced_door_raises_a_critical_situation_pushed_within_250_ms_with_its_checklist()
    {
        await using var site = await SiteAsync("sit-forced");
        await using var feed = await site.FeedAsync(fixture.AdminToken);
        await using var door = await site.DoorAsync();

        await door.PublishEventAsync(SituationSite.Event("door.forced"));
        var acknowledgedAt = DateTime.UtcNow;
        var (pushedAt, view) = await feed.NextSituationAsync(v => Kind(v, "door-forced"));

        Assert.True(pushedAt - acknowledgedAt < TimeSpan.FromMilliseconds(250), $"pushed {(pushedAt - acknowledgedAt).TotalMilliseconds:0} ms after the event was acknowledged");
        Assert.Equal("critical", view.GetProperty("severity").GetString());
        Assert.Equal("raised", view.GetProperty("state").GetString());
        Assert.True(view.GetProperty("active").GetBoolean());
        Assert.Equal(SituationSite.Door, view.GetProperty("gateId").GetString());
        Assert.Equal(1, view.GetProperty("occurrences").GetInt32());
        Assert.Equal(0, view.GetProperty("escalationLevel").GetInt32());
        var steps = view.GetProperty("checklist").EnumerateArray().ToList();
        Assert.Equal(3, steps.Count);
        Assert.All(steps, step => Assert.False(step.GetProperty("done").GetBoolean()));
        Assert.Contains(await site.OpenSituationsAsync(), s => Id(s) == Id(view));
    }

    [Fact]
    public async Task Tamper_and_fault_raise_their_situations()
    {
        await using var site = await SiteAsync("sit-tamper");
        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("tamper", new { detail = "cover opened" }));
        await door.PublishEventAsync(SituationSite.Event("fault", new { code = "E42", detail = "motor stalled" }));

        var open = await site.OpenSituationsAsync();
        var tamper = Assert.Single(open, s => Kind(s, "tamper"));
        Assert.Equal("critical", tamper.GetProperty("severity").GetString());
        var fault = Assert.Single(open, s => Kind(s, "gate-fault"));
        Assert.Equal("major", fault.GetProperty("severity").GetString());
        Assert.Contains("E42", fault.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Repeats_count_on_the_open_situation_and_a_closed_door_ends_its_condition()
    {
        await using var site = await SiteAsync("sit-held");
        await using var door = await site.DoorAsync();

        await door.PublishEventAsync(SituationSite.Event("door.held", new { seconds = 30 }));
        await door.PublishEventAsync(SituationSite.Event("door.held", new { seconds = 60 }));
        var held = Assert.Single(await site.OpenSituationsAsync(), s => Kind(s, "door-held"));
        Assert.Equal(2, held.GetProperty("occurrences").GetInt32());
        Assert.True(held.GetProperty("active").GetBoolean());

        await door.PublishEventAsync(SituationSite.Event("door.closed"));
        var cleared = await site.SituationAsync(Id(held));
        Assert.False(cleared.GetProperty("active").GetBoolean());
        Assert.Equal("raised", cleared.GetProperty("state").GetString());

        await door.PublishEventAsync(SituationSite.Event("door.held"));
        var again = Assert.Single(await site.OpenSituationsAsync(), s => Kind(s, "door-held"));
        Assert.Equal(Id(held), Id(again));
        Assert.Equal(3, again.GetProperty("occurrences").GetInt32());
        Assert.True(again.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Acknowledging_and_resolving_record_who_and_when_and_a_resolved_situation_is_never_reopened()
    {
        await using var site = await SiteAsync("sit-life");
        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("door.held"));
        var id = Id(Assert.Single(await site.OpenSituationsAsync(), s => Kind(s, "door-held")));

        using (var ack = await site.PostAsync($"api/situations/{id}/acknowledge", new { note = "on my way" }))
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        using (var again = await site.PostAsync($"api/situations/{id}/acknowledge", new { }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using (var resolve = await site.PostAsync($"api/situations/{id}/resolve", new { note = "closed it" }))
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        using (var twice = await site.PostAsync($"api/situations/{id}/resolve", new { }))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var resolved = await site.SituationAsync(id);
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.Equal("admin", resolved.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("admin", resolved.GetProperty("resolvedBy").GetString());
        var history = resolved.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["raised", "acknowledged", "resolved"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("on my way", history[1].GetProperty("note").GetString());
        Assert.All(history, h => Assert.True(h.TryGetProperty("at", out _)));

        await door.PublishEventAsync(SituationSite.Event("door.held"));
        var fresh = Assert.Single(await site.OpenSituationsAsync(), s => Kind(s, "door-held"));
        Assert.NotEqual(id, Id(fresh));
        Assert.Equal("resolved", (await site.SituationAsync(id)).GetProperty("state").GetString());
        Assert.DoesNotContain(await site.OpenSituationsAsync(), s => Id(s) == id);
        var all = await site.Admin.GetFromJsonAsync<JsonElement[]>($"api/sites/{site.SiteId}/situations?state=all");
        Assert.Contains(all!, s => Id(s) == id);
    }

    [Fact]
    public async Task An_unacknowledged_situation_escalates_after_each_sla_period_until_acknowledged()
    {
        await using var site = await SiteAsync("sit-escalate");
        await using var feed = await site.FeedAsync(fixture.AdminToken);
        await using var door = await site.DoorAsync();
        var watch = Stopwatch.StartNew();
        await door.PublishEventAsync(SituationSite.Event("door.forced"));
        var raised = (await feed.NextSituationAsync(v => Kind(v, "door-forced"))).View;

        var first = (await feed.NextSituationAsync(v => Id(v) == Id(raised) && v.GetProperty("escalationLevel").GetInt32() == 1)).View;
        Assert.InRange(watch.Elapsed.TotalSeconds, SituationSite.CriticalSeconds - 0.5, SituationSite.CriticalSeconds + 1.5);
        await feed.NextSituationAsync(v => Id(v) == Id(raised) && v.GetProperty("escalationLevel").GetInt32() == 2);
        Assert.InRange(watch.Elapsed.TotalSeconds, 2 * SituationSite.CriticalSeconds - 0.5, 2 * SituationSite.CriticalSeconds + 1.5);
        Assert.Equal("raised", first.GetProperty("state").GetString());

        using (var ack = await site.PostAsync($"api/situations/{Id(raised)}/acknowledge", new { }))
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(SituationSite.CriticalSeconds + 1));
        var after = await site.SituationAsync(Id(raised));
        Assert.Equal(2, after.GetProperty("escalationLevel").GetInt32());
        Assert.Equal(2, after.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "escalated"));
    }

    [Fact]
    public async Task A_gate_that_drops_its_connection_is_offline_by_its_last_will_and_back_with_its_next_heartbeat()
    {
        await using var site = await SiteAsync("sit-will");
        await using var feed = await site.FeedAsync(fixture.AdminToken);
        using (var abrupt = await AbruptGate.ConnectAsync(fixture.Hub.Options.MqttPort, site.SiteId, SituationSite.Door, site.DoorPassword))
        {
            abrupt.Drop();
        }

        var offline = (await feed.NextSituationAsync(v => Kind(v, "gate-offline"))).View;
        Assert.Equal("major", offline.GetProperty("severity").GetString());
        Assert.Contains("last will", offline.GetProperty("detail").GetString());
        var gate = await feed.NextGateAsync(g => g.GetProperty("gateId").GetString() == SituationSite.Door && !g.GetProperty("online").GetBoolean());
        Assert.False(gate.GetProperty("online").GetBoolean());

        await using var door = await site.DoorAsync();
        await door.PublishRawAsync(door.Topic("status"), JsonSerializer.SerializeToUtf8Bytes(new { online = true, at = DateTimeOffset.UtcNow }));
        await feed.NextGateAsync(g => g.GetProperty("gateId").GetString() == SituationSite.Door && g.GetProperty("online").GetBoolean());
        var cleared = (await feed.NextSituationAsync(v => Id(v) == Id(offline) && !v.GetProperty("active").GetBoolean())).View;
        Assert.Equal("raised", cleared.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_silent_gate_goes_offline_after_three_heartbeat_periods()
    {
        await using var site = await SiteAsync("sit-silent", heartbeatSeconds: 1);
        await using var feed = await site.FeedAsync(fixture.AdminToken);
        await using var door = await site.DoorAsync();
        await door.PublishRawAsync(door.Topic("status"), JsonSerializer.SerializeToUtf8Bytes(new { online = true }));
        var silentSince = Stopwatch.StartNew();

        var offline = (await feed.NextSituationAsync(v => Kind(v, "gate-offline"), TimeSpan.FromSeconds(10))).View;
        Assert.InRange(silentSince.Elapsed.TotalSeconds, 2.5, 6);
        Assert.Contains("no heartbeat", offline.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Staff_handle_the_situations_of_their_sites_or_assigned_to_them_and_only_operators_assign()
    {
        await using var site = await SiteAsync("sit-roles");
        var provisioning = new Provisioning(site.Admin);
        await provisioning.UserAsync("roles-staff", "staff-password", "staff", site.SiteId);
        await provisioning.UserAsync("roles-outsider", "outsider-password", "staff");
        await provisioning.UserAsync("roles-operator", "operator-password", "operator", site.SiteId);
        using var staff = fixture.Hub.Http(await fixture.Hub.TokenAsync("roles-staff", "staff-password"));
        using var outsider = fixture.Hub.Http(await fixture.Hub.TokenAsync("roles-outsider", "outsider-password"));
        using var op = fixture.Hub.Http(await fixture.Hub.TokenAsync("roles-operator", "operator-password"));
        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("door.forced"));
        await door.PublishEventAsync(SituationSite.Event("tamper"));
        var forced = Id(Assert.Single(await site.OpenSituationsAsync(), s => Kind(s, "door-forced")));
        var tamper = Id(Assert.Single(await site.OpenSituationsAsync(), s => Kind(s, "tamper")));

        using (var hidden = await outsider.GetAsync($"api/situations/{forced}"))
            Assert.Equal(HttpStatusCode.Forbidden, hidden.StatusCode);
        using (var notTheirs = await site.PostAsync($"api/situations/{forced}/acknowledge", new { }, outsider))
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        using (var missing = await site.PostAsync($"api/situations/{site.SiteId}.99999/acknowledge", new { }, staff))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var gates = await staff.GetAsync($"api/sites/{site.SiteId}/gates"))
            Assert.Equal(HttpStatusCode.Forbidden, gates.StatusCode);
        using (var staffAssigns = await site.PostAsync($"api/situations/{forced}/assign", new { username = "roles-staff" }, staff))
            Assert.Equal(HttpStatusCode.Forbidden, staffAssigns.StatusCode);
        using (var nobody = await site.PostAsync($"api/situations/{forced}/assign", new { username = "no-such-user" }, op))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
            Assert.Contains("\"username\"", await nobody.Content.ReadAsStringAsync());
        }
        using (var ack = await site.PostAsync($"api/situations/{forced}/acknowledge", new { }, staff))
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

        using (var assign = await site.PostAsync($"api/situations/{tamper}/assign", new { username = "roles-outsider" }, op))
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        var assigned = await site.SituationAsync(tamper, outsider);
        Assert.Equal("roles-outsider", assigned.GetProperty("assignee").GetString());
        var mine = await fixture.Hub.GetJsonAsync(outsider, "api/situations/assigned");
        Assert.Equal([tamper], mine.EnumerateArray().Select(Id));
        using (var resolve = await site.PostAsync($"api/situations/{tamper}/resolve", new { note = "fixed" }, outsider))
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var history = (await site.SituationAsync(tamper)).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("action").GetString() == "assigned" && h.GetProperty("by").GetString() == "roles-operator");
        Assert.Contains(history, h => h.GetProperty("action").GetString() == "resolved" && h.GetProperty("by").GetString() == "roles-outsider");

        using (var shelve = await site.PostAsync($"api/sites/{site.SiteId}/gates/{SituationSite.Door}/shelve", new { kind = "tamper", minutes = 5, reason = "test" }, staff))
            Assert.Equal(HttpStatusCode.Forbidden, shelve.StatusCode);
    }

    [Fact]
    public async Task A_shelved_kind_is_recorded_but_not_announced_until_the_shelf_ends()
    {
        await using var site = await SiteAsync("sit-shelf");
        await using var feed = await site.FeedAsync(fixture.AdminToken);
        await using var door = await site.DoorAsync();
        using (var shelve = await site.PostAsync($"api/sites/{site.SiteId}/gates/{SituationSite.Door}/shelve",
            new { kind = "door-held", seconds = 3, reason = "door being repaired" }))
            Assert.Equal(HttpStatusCode.OK, shelve.StatusCode);
        var shelves = await site.Admin.GetFromJsonAsync<JsonElement[]>($"api/sites/{site.SiteId}/shelves");
        Assert.Single(shelves!);

        await door.PublishEventAsync(SituationSite.Event("door.held"));
        await door.PublishEventAsync(SituationSite.Event("door.forced"));
        var pushed = await feed.CollectSituationsAsync(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(pushed, v => Kind(v, "door-held"));
        Assert.Contains(pushed, v => Kind(v, "door-forced"));
        var all = await site.Admin.GetFromJsonAsync<JsonElement[]>($"api/sites/{site.SiteId}/situations?state=all");
        var held = Assert.Single(all!, s => Kind(s, "door-held"));
        Assert.True(held.GetProperty("shelved").GetBoolean());

        var announced = (await feed.NextSituationAsync(v => Id(v) == Id(held), TimeSpan.FromSeconds(6))).View;
        Assert.False(announced.GetProperty("shelved").GetBoolean());
        var history = (await site.SituationAsync(Id(held))).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Contains("shelved", history);
        Assert.Contains("unshelved", history);
        Assert.Empty((await site.Admin.GetFromJsonAsync<JsonElement[]>($"api/sites/{site.SiteId}/shelves"))!);
    }

    [Fact]
    public async Task Flood_control_groups_minor_situations_into_a_summary_and_keeps_critical_ones_visible()
    {
        await using var site = await SiteAsync("sit-flood");
        for (var i = 0; i < 10; i++)
        {
            using var request = await site.PostAsync($"api/sites/{site.SiteId}/requests", new { residentId = "r-1", kind = "parcel", detail = $"parcel {i}" });
            Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        }
        Assert.Equal(10, (await site.OpenSituationsAsync()).Count(s => Kind(s, "request")));

        var grouped = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var request = await site.PostAsync($"api/sites/{site.SiteId}/requests", new { residentId = "r-1", kind = "parcel", detail = $"late parcel {i}" });
            grouped.Add(Id((await request.Content.ReadFromJsonAsync<JsonElement>())));
        }
        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("door.forced"));

        var open = await site.OpenSituationsAsync();
        Assert.Equal(10, open.Count(s => Kind(s, "request")));
        var summary = Assert.Single(open, s => Kind(s, "flood-summary"));
        Assert.Equal(4, summary.GetProperty("occurrences").GetInt32());
        Assert.Contains(open, s => Kind(s, "door-forced"));
        foreach (var id in grouped)
            Assert.Equal(Id(summary), (await site.SituationAsync(id)).GetProperty("groupedInto").GetString());

        using (var resolve = await site.PostAsync($"api/situations/{Id(summary)}/resolve", new { note = "all parcels delivered" }))
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        foreach (var id in grouped)
            Assert.Equal("resolved", (await site.SituationAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Checklist_steps_are_ticked_with_an_audit_and_a_site_can_change_its_checklists()
    {
        await using var site = await SiteAsync("sit-checklist");
        using (var put = await site.Admin.PutAsJsonAsync($"api/sites/{site.SiteId}/checklists/tamper", new { steps = new[] { "Call the vendor", "Photograph the device" } }))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var checklists = await site.Hub.GetJsonAsync(site.Admin, $"api/sites/{site.SiteId}/checklists");
        Assert.Equal(2, checklists.GetProperty("tamper").GetArrayLength());
        Assert.Equal(3, checklists.GetProperty("door-forced").GetArrayLength());

        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("tamper"));
        var id = Id(Assert.Single(await site.OpenSituationsAsync(), s => Kind(s, "tamper")));
        using (var tick = await site.PostAsync($"api/situations/{id}/checklist/1", new { done = true, note = "photo in the log" }))
            Assert.Equal(HttpStatusCode.OK, tick.StatusCode);
        using (var missing = await site.PostAsync($"api/situations/{id}/checklist/7", new { done = true }))
            Assert.Equal(HttpStatusCode.Conflict, missing.StatusCode);

        var view = await site.SituationAsync(id);
        var steps = view.GetProperty("checklist").EnumerateArray().ToList();
        Assert.Equal("Call the vendor", steps[0].GetProperty("step").GetString());
        Assert.False(steps[0].GetProperty("done").GetBoolean());
        Assert.True(steps[1].GetProperty("done").GetBoolean());
        var tickEntry = Assert.Single(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "checked");
        Assert.Equal("admin", tickEntry.GetProperty("by").GetString());
        Assert.Contains("Photograph the device", tickEntry.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Response_statistics_count_acknowledgements_and_resolutions_per_user_and_kind()
    {
        await using var site = await SiteAsync("sit-stats");
        await new Provisioning(site.Admin).UserAsync("stats-operator", "operator-password", "operator", site.SiteId);
        using var op = fixture.Hub.Http(await fixture.Hub.TokenAsync("stats-operator", "operator-password"));
        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("door.forced"));
        await door.PublishEventAsync(SituationSite.Event("tamper"));
        var open = await site.OpenSituationsAsync();
        var forced = Id(open.Single(s => Kind(s, "door-forced")));
        var tamper = Id(open.Single(s => Kind(s, "tamper")));
        await Task.Delay(300);
        (await site.PostAsync($"api/situations/{forced}/acknowledge", new { }, op)).EnsureSuccessStatusCode();
        await Task.Delay(300);
        (await site.PostAsync($"api/situations/{forced}/resolve", new { }, op)).EnsureSuccessStatusCode();
        (await site.PostAsync($"api/situations/{tamper}/resolve", new { })).EnsureSuccessStatusCode();

        var stats = await site.Hub.GetJsonAsync(op, $"api/sites/{site.SiteId}/stats/response");
        var byUser = stats.GetProperty("byUser").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        Assert.Equal(1, byUser["stats-operator"].GetProperty("count").GetInt32());
        Assert.Equal(1, byUser["stats-operator"].GetProperty("acknowledged").GetInt32());
        Assert.Equal(1, byUser["stats-operator"].GetProperty("resolved").GetInt32());
        var toAcknowledge = byUser["stats-operator"].GetProperty("acknowledgeMedianSeconds").GetDouble();
        var toResolve = byUser["stats-operator"].GetProperty("resolveMedianSeconds").GetDouble();
        Assert.InRange(toAcknowledge, 0.25, 5);
        Assert.True(toResolve >= toAcknowledge + 0.25, $"resolve {toResolve} s after ack {toAcknowledge} s");
        Assert.Equal(1, byUser["admin"].GetProperty("resolved").GetInt32());
        var byKind = stats.GetProperty("byKind").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        Assert.Equal(1, byKind["door-forced"].GetProperty("count").GetInt32());
        Assert.Equal(1, byKind["tamper"].GetProperty("resolved").GetInt32());

        using var staffStats = await fixture.Hub.Http(fixture.AdminToken).GetAsync($"api/sites/{site.SiteId}/stats/response?from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, staffStats.StatusCode);
    }

    [Fact]
    public async Task Situations_can_be_listed_and_handled_over_signalr()
    {
        await using var site = await SiteAsync("sit-signalr");
        await using var feed = await site.FeedAsync(fixture.AdminToken);
        await using var door = await site.DoorAsync();
        await door.PublishEventAsync(SituationSite.Event("door.forced"));
        var raised = (await feed.NextSituationAsync(v => Kind(v, "door-forced"))).View;

        var open = await feed.Connection.InvokeAsync<JsonElement[]>("GetOpenSituations", site.SiteId);
        Assert.Contains(open, s => Id(s) == Id(raised));
        var acknowledged = await feed.Connection.InvokeAsync<JsonElement>("Acknowledge", Id(raised), "seen on camera");
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        await Assert.ThrowsAsync<HubException>(() => feed.Connection.InvokeAsync<JsonElement>("Acknowledge", Id(raised), "again"));
        var assigned = await feed.Connection.InvokeAsync<JsonElement>("Assign", Id(raised), "admin");
        Assert.Equal("admin", assigned.GetProperty("assignee").GetString());
        var resolved = await feed.Connection.InvokeAsync<JsonElement>("Resolve", Id(raised), "guard confirmed");
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.DoesNotContain(await feed.Connection.InvokeAsync<JsonElement[]>("GetOpenSituations", site.SiteId), s => Id(s) == Id(raised));
        await feed.NextSituationAsync(v => Id(v) == Id(raised) && v.GetProperty("state").GetString() == "resolved");
    }
}
