using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>The standard gate procedure at vehicle gates (the gate procedure (README)), driven over MQTT as a gate integrator would.</summary>
[Collection(HubCollection.Name)]
public sealed class ParkingTests(HubFixture fixture)
{
    private sealed class Lot(Hub hub, string siteId, HttpClient admin, GateClient entry, GateClient exit) : IAsyncDisposable
    {
        public string SiteId => siteId;
        public HttpClient Admin => admin;
        public GateClient Entry => entry;
        public GateClient Exit => exit;

        public static async Task<Lot> OpenAsync(HubFixture fixture, string siteId, object? parking = null, string language = "en")
        {
            var admin = fixture.Hub.Http(fixture.AdminToken);
            var provisioning = new Provisioning(admin);
            await provisioning.SiteAsync(siteId, new { name = siteId, language, timeZone = "Asia/Shanghai", parking = parking ?? new { capacity = 200 } });
            var entryPassword = await provisioning.GateAsync(siteId, "car-in", kind: "vehicle", openSeconds: 8);
            var exitPassword = await provisioning.GateAsync(siteId, "car-out", kind: "vehicle");
            var port = fixture.Hub.Options.MqttPort;
            return new Lot(fixture.Hub, siteId, admin,
                await GateClient.ConnectAsync(port, siteId, "car-in", entryPassword),
                await GateClient.ConnectAsync(port, siteId, "car-out", exitPassword));
        }

        public async Task PassAsync(string plate, string kind, string? validUntil = null)
        {
            using var response = await admin.PutAsJsonAsync($"api/sites/{siteId}/vehicles/{Uri.EscapeDataString(plate)}", new { kind, validUntil });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        public static object Read(string plate, string direction, DateTimeOffset? at = null, string? eventId = null) =>
            new { eventId = eventId ?? $"ev-{Guid.NewGuid():N}", type = "plate.read", at = at ?? DateTimeOffset.UtcNow, plate, direction, confidence = 97 };

        public static async Task<JsonElement> AnswerAsync(GateClient gate, object gateEvent)
        {
            await gate.PublishEventAsync(gateEvent);
            return await gate.NextCommandAsync();
        }

        public Task<JsonElement> VehicleAsync(string plate) => hub.GetJsonAsync(admin, $"api/sites/{siteId}/vehicles/{Uri.EscapeDataString(plate)}");

        public async Task<JsonElement[]> OpenSituationsAsync() =>
            (await admin.GetFromJsonAsync<JsonElement[]>($"api/sites/{siteId}/situations"))!;

        public async ValueTask DisposeAsync()
        {
            await entry.DisposeAsync();
            await exit.DisposeAsync();
            admin.Dispose();
        }
    }

    private static string Reason(JsonElement command) => command.GetProperty("reason").GetString()!;

    private static string Action(JsonElement command) => command.GetProperty("action").GetString()!;

    private static List<string> Display(JsonElement command) => [.. command.GetProperty("display").EnumerateArray().Select(l => l.GetString()!)];

    [Fact]
    public async Task A_temporary_car_is_let_in_and_shown_the_fee_standard()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-temp");
        var read = Lot.Read("A11111", "in");
        var command = await Lot.AnswerAsync(lot.Entry, read);

        Assert.Equal(("open", "granted.temporary"), (Action(command), Reason(command)));
        Assert.Equal(8, command.GetProperty("openSeconds").GetInt32());
        Assert.Equal(["A11111", "Welcome", "First 60 min 5.00", "Then 2.00 per 30 min"], Display(command));
        Assert.False(string.IsNullOrEmpty(command.GetProperty("voice").GetString()));
        var vehicle = await lot.VehicleAsync("A11111");
        Assert.True(vehicle.GetProperty("inside").GetBoolean());
    }

    [Fact]
    public async Task A_car_that_stayed_over_two_hours_pays_before_the_barrier_opens_and_the_stay_closes()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-pay");
        // The entry is two hours old: it is recorded from the gate's buffer, and gets no command now.
        await lot.Entry.PublishEventAsync(Lot.Read("B22222", "in", DateTimeOffset.UtcNow.AddMinutes(-125)));
        Assert.True(await lot.Entry.NoCommandWithinAsync(TimeSpan.FromMilliseconds(500)));

        var refused = await Lot.AnswerAsync(lot.Exit, Lot.Read("B-22222", "out"));
        Assert.Equal(("deny", "denied.unpaid"), (Action(refused), Reason(refused)));
        Assert.Contains("Fee due 11.00", Display(refused));

        var paid = await Lot.AnswerAsync(lot.Exit, new { eventId = $"pay-{Guid.NewGuid():N}", type = "payment.completed", at = DateTimeOffset.UtcNow, plate = "B22222", amountCents = 1100, method = "qr" });
        Assert.Equal(("open", "granted.paid"), (Action(paid), Reason(paid)));
        var vehicle = await lot.VehicleAsync("B22222");
        Assert.False(vehicle.GetProperty("inside").GetBoolean());
        Assert.Equal(1100, vehicle.GetProperty("recentStays")[0].GetProperty("feeCents").GetInt64());

        // The live feed shows the money as the gate does: the fee due on the refused exit, then the payment.
        var amounts = await FeedAmountsAsync(lot, count: 2);
        Assert.Equal([1100, 1100], amounts);
    }

    private async Task<long[]> FeedAmountsAsync(Lot lot, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var events = await fixture.Hub.GetJsonAsync(lot.Admin, $"api/sites/{lot.SiteId}/events");
            long[] amounts = [.. events.EnumerateArray()
                .Where(e => e.TryGetProperty("amountCents", out _))
                .Select(e => e.GetProperty("amountCents").GetInt64())];
            if (amounts.Length >= count || DateTime.UtcNow > deadline)
                return amounts;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_car_that_paid_within_the_grace_period_leaves_paid_and_a_short_stay_leaves_free()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-grace");
        await lot.Entry.PublishEventAsync(Lot.Read("C33333", "in", DateTimeOffset.UtcNow.AddMinutes(-89)));
        var receipt = await Lot.AnswerAsync(lot.Entry, new { eventId = $"pay-{Guid.NewGuid():N}", type = "payment.completed", at = DateTimeOffset.UtcNow, plate = "C33333", amountCents = 700 });
        Assert.Equal("display", Action(receipt));
        var left = await Lot.AnswerAsync(lot.Exit, Lot.Read("C33333", "out"));
        Assert.Equal(("open", "granted.paid"), (Action(left), Reason(left)));

        await Lot.AnswerAsync(lot.Entry, Lot.Read("D44444", "in"));
        var free = await Lot.AnswerAsync(lot.Exit, Lot.Read("D44444", "out"));
        Assert.Equal(("open", "granted.free"), (Action(free), Reason(free)));
    }

    [Fact]
    public async Task A_car_leaving_without_an_entry_record_is_held_and_raises_a_situation()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-noentry");
        var command = await Lot.AnswerAsync(lot.Exit, Lot.Read("E55555", "out"));
        Assert.Equal(("deny", "denied.no-entry-record"), (Action(command), Reason(command)));
        var situation = Assert.Single(await lot.OpenSituationsAsync(), s => s.GetProperty("kind").GetString() == "no-entry-record");
        Assert.Equal("major", situation.GetProperty("severity").GetString());
        Assert.Equal("car-out", situation.GetProperty("gateId").GetString());
    }

    [Fact]
    public async Task A_car_entering_twice_is_refused_by_anti_passback_with_a_situation()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-passback");
        await Lot.AnswerAsync(lot.Entry, Lot.Read("F66666", "in"));
        var again = await Lot.AnswerAsync(lot.Entry, Lot.Read("F66666", "in"));
        Assert.Equal(("deny", "denied.already-inside"), (Action(again), Reason(again)));
        var situation = Assert.Single(await lot.OpenSituationsAsync(), s => s.GetProperty("kind").GetString() == "anti-passback");
        Assert.Equal("minor", situation.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Passes_are_applied_in_the_contract_order_with_normalised_plates()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-passes");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await lot.PassAsync("粤b 12345", "monthly", today.AddDays(3).ToString("yyyy-MM-dd"));
        await lot.PassAsync("G77777", "monthly", today.AddDays(60).ToString("yyyy-MM-dd"));
        await lot.PassAsync("H88888", "monthly", today.AddDays(-1).ToString("yyyy-MM-dd"));
        await lot.PassAsync("J99999", "owned");
        await lot.PassAsync("K10101", "whitelist");
        await lot.PassAsync("L20202", "blacklist");

        var reminded = await Lot.AnswerAsync(lot.Entry, Lot.Read("粤B-12345", "in"));
        Assert.Equal("granted.monthly", Reason(reminded));
        Assert.Contains(Display(reminded), line => line.Contains("ends") && line.Contains(today.AddDays(3).ToString("yyyy-MM-dd")));
        var monthly = await Lot.AnswerAsync(lot.Entry, Lot.Read("G77777", "in"));
        Assert.Equal("granted.monthly", Reason(monthly));
        Assert.DoesNotContain(Display(monthly), line => line.Contains("renew", StringComparison.OrdinalIgnoreCase));
        var expired = await Lot.AnswerAsync(lot.Entry, Lot.Read("H88888", "in"));
        Assert.Equal("granted.temporary", Reason(expired));
        Assert.Contains(Display(expired), line => line.Contains("expired"));
        Assert.Equal("granted.owned", Reason(await Lot.AnswerAsync(lot.Entry, Lot.Read("J99999", "in"))));
        Assert.Equal("denied.already-inside", Reason(await Lot.AnswerAsync(lot.Entry, Lot.Read("J99999", "in"))));
        Assert.Equal("granted.whitelist", Reason(await Lot.AnswerAsync(lot.Entry, Lot.Read("K10101", "in"))));
        Assert.Equal("granted.whitelist", Reason(await Lot.AnswerAsync(lot.Entry, Lot.Read("K10101", "in"))));
        var blacklisted = await Lot.AnswerAsync(lot.Entry, Lot.Read("L20202", "in"));
        Assert.Equal(("deny", "denied.blacklist"), (Action(blacklisted), Reason(blacklisted)));

        Assert.Equal("granted.owned", Reason(await Lot.AnswerAsync(lot.Exit, Lot.Read("J99999", "out"))));
        Assert.Equal("granted.monthly", Reason(await Lot.AnswerAsync(lot.Exit, Lot.Read("G77777", "out"))));
    }

    [Fact]
    public async Task Without_temporary_cars_or_room_a_visitor_is_refused()
    {
        await using var closed = await Lot.OpenAsync(fixture, "park-private", new { allowTemporary = false });
        Assert.Equal("denied.no-temporary", Reason(await Lot.AnswerAsync(closed.Entry, Lot.Read("M30303", "in"))));

        await using var small = await Lot.OpenAsync(fixture, "park-small", new { capacity = 1 });
        Assert.Equal("granted.temporary", Reason(await Lot.AnswerAsync(small.Entry, Lot.Read("N40404", "in"))));
        Assert.Equal("denied.full", Reason(await Lot.AnswerAsync(small.Entry, Lot.Read("P50505", "in"))));
        await Lot.AnswerAsync(small.Exit, Lot.Read("N40404", "out"));
        Assert.Equal("granted.temporary", Reason(await Lot.AnswerAsync(small.Entry, Lot.Read("P50505", "in"))));
    }

    [Fact]
    public async Task A_late_exit_is_recorded_without_opening_the_barrier_now()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-late");
        await lot.Entry.PublishEventAsync(Lot.Read("Q60606", "in", DateTimeOffset.UtcNow.AddMinutes(-30)));
        await lot.Exit.PublishEventAsync(Lot.Read("Q60606", "out", DateTimeOffset.UtcNow.AddMinutes(-20)));
        Assert.True(await lot.Exit.NoCommandWithinAsync(TimeSpan.FromMilliseconds(500)));
        var vehicle = await lot.VehicleAsync("Q60606");
        Assert.False(vehicle.GetProperty("inside").GetBoolean());
        Assert.Equal("granted.free", vehicle.GetProperty("recentStays")[0].GetProperty("exitReason").GetString());

        // An entry read from before that exit, arriving later still, is history: it opens no stay.
        await lot.Entry.PublishEventAsync(Lot.Read("Q60606", "in", DateTimeOffset.UtcNow.AddMinutes(-25)));
        Assert.False((await lot.VehicleAsync("Q60606")).GetProperty("inside").GetBoolean());
    }

    [Fact]
    public async Task A_repeated_plate_read_gets_the_same_command_and_counts_once()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-dup", new { capacity = 1 });
        var read = Lot.Read("R70707", "in");
        var first = await Lot.AnswerAsync(lot.Entry, read);
        var second = await Lot.AnswerAsync(lot.Entry, read);
        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal("granted.temporary", Reason(first));
        Assert.DoesNotContain(await lot.OpenSituationsAsync(), s => s.GetProperty("kind").GetString() == "anti-passback");
    }

    [Fact]
    public async Task The_driver_reads_the_site_language()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-zh", language: "zh-CN");
        var command = await Lot.AnswerAsync(lot.Entry, Lot.Read("粤A00001", "in"));
        Assert.Equal(["粤A00001", "欢迎光临", "首60分钟 5.00元", "之后每30分钟 2.00元"], Display(command));
    }

    [Fact]
    public async Task An_operator_opens_a_gate_remotely_with_an_audit_and_staff_may_not()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-remote");
        await new Provisioning(lot.Admin).UserAsync("remote-operator", "operator-password", "operator", lot.SiteId);
        await new Provisioning(lot.Admin).UserAsync("remote-staff", "staff-password", "staff", lot.SiteId);
        using var op = fixture.Hub.Http(await fixture.Hub.TokenAsync("remote-operator", "operator-password"));
        using var staff = fixture.Hub.Http(await fixture.Hub.TokenAsync("remote-staff", "staff-password"));

        using (var refused = await staff.PostAsJsonAsync($"api/sites/{lot.SiteId}/gates/car-in/open", new { reason = "let me" }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var noReason = await op.PostAsJsonAsync($"api/sites/{lot.SiteId}/gates/car-in/open", new { }))
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var opened = await op.PostAsJsonAsync($"api/sites/{lot.SiteId}/gates/car-in/open", new { reason = "ambulance" }))
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        var command = await lot.Entry.NextCommandAsync();
        Assert.Equal(("open", "granted.operator"), (Action(command), Reason(command)));
        Assert.Equal(JsonValueKind.Null, command.GetProperty("inReplyTo").ValueKind);
        var audit = await fixture.Hub.GetJsonAsync(op, $"api/sites/{lot.SiteId}/gates/car-in/audit");
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal("remote-operator", entry.GetProperty("by").GetString());
        Assert.Contains("ambulance", entry.GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_command_the_gate_reports_as_failed_raises_a_gate_fault()
    {
        await using var lot = await Lot.OpenAsync(fixture, "park-fault");
        var command = await Lot.AnswerAsync(lot.Entry, Lot.Read("S80808", "in"));
        await lot.Entry.PublishEventAsync(new { eventId = $"res-{Guid.NewGuid():N}", type = "command.result", at = DateTimeOffset.UtcNow, commandId = command.GetProperty("commandId").GetString(), ok = false, detail = "barrier jammed" });

        var fault = Assert.Single(await lot.OpenSituationsAsync(), s => s.GetProperty("kind").GetString() == "gate-fault");
        Assert.Contains("barrier jammed", fault.GetProperty("detail").GetString());
        Assert.Contains("granted.temporary", fault.GetProperty("detail").GetString());
        var audit = await fixture.Hub.GetJsonAsync(lot.Admin, $"api/sites/{lot.SiteId}/gates/car-in/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "command failed");
    }

    [Fact]
    public async Task Soft_anti_passback_at_pedestrian_gates_lets_a_resident_in_twice_with_a_situation()
    {
        using var admin = fixture.Hub.Http(fixture.AdminToken);
        var provisioning = new Provisioning(admin);
        await provisioning.SiteAsync("soft-passback", new { name = "Soft", language = "en", pedestrian = new { softAntiPassback = true } });
        var password = await provisioning.GateAsync("soft-passback", "door");
        await provisioning.ResidentAsync("soft-passback", "r-1", "Wang Xiuying", ["ABCD01"]);
        await using var door = await GateClient.ConnectAsync(fixture.Hub.Options.MqttPort, "soft-passback", "door", password);

        await door.SwipeAsync($"ev-{Guid.NewGuid():N}", "ABCD01", "in");
        Assert.Equal("granted.resident", Reason(await door.NextCommandAsync()));
        await door.SwipeAsync($"ev-{Guid.NewGuid():N}", "ABCD01", "in");
        Assert.Equal("granted.resident", Reason(await door.NextCommandAsync()));

        var situations = (await admin.GetFromJsonAsync<JsonElement[]>("api/sites/soft-passback/situations"))!;
        var passback = Assert.Single(situations, s => s.GetProperty("kind").GetString() == "anti-passback");
        Assert.Equal("r-1", passback.GetProperty("residentId").GetString());
        var resident = await fixture.Hub.GetJsonAsync(admin, "api/sites/soft-passback/residents/r-1");
        Assert.True(resident.GetProperty("presence").GetProperty("inside").GetBoolean());
        Assert.Equal("door", resident.GetProperty("presence").GetProperty("lastGateId").GetString());
    }
}
