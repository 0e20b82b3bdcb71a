using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MQTTnet;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

[Collection(HubCollection.Name)]
public sealed class GateDecisionTests(HubFixture fixture)
{
    private static string NewEventId() => $"ev-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_known_card_opens_the_gate_within_one_second_in_reply_to_the_event()
    {
        await using var door = await fixture.Door1Async();
        var eventId = NewEventId();

        var watch = Stopwatch.StartNew();
        var published = await door.SwipeAsync(eventId, HubFixture.ActiveCard);
        var command = await door.NextCommandAsync(TimeSpan.FromSeconds(1));
        watch.Stop();

        Assert.True(published.IsSuccess);
        Assert.Equal(eventId, command.GetProperty("inReplyTo").GetString());
        Assert.Equal("open", command.GetProperty("action").GetString());
        Assert.Equal("granted.resident", command.GetProperty("reason").GetString());
        Assert.Equal(HubFixture.OpenSeconds, command.GetProperty("openSeconds").GetInt32());
        Assert.False(string.IsNullOrEmpty(command.GetProperty("commandId").GetString()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task An_unknown_card_is_denied()
    {
        await using var door = await fixture.Door1Async();
        var eventId = NewEventId();
        await door.SwipeAsync(eventId, "FFFF0000");
        var command = await door.NextCommandAsync();
        Assert.Equal(eventId, command.GetProperty("inReplyTo").GetString());
        Assert.Equal("deny", command.GetProperty("action").GetString());
        Assert.Equal("denied.unknown-card", command.GetProperty("reason").GetString());
        Assert.NotEmpty(command.GetProperty("display").EnumerateArray());
    }

    [Fact]
    public async Task The_card_of_an_inactive_resident_is_denied()
    {
        await using var door = await fixture.Door2Async();
        await door.SwipeAsync(NewEventId(), HubFixture.InactiveCard.ToLowerInvariant());
        var command = await door.NextCommandAsync();
        Assert.Equal("deny", command.GetProperty("action").GetString());
        Assert.Equal("denied.inactive", command.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_redelivered_event_gets_the_same_decision_and_counts_once()
    {
        await using var feed = await FeedClient.ConnectAsync(fixture.Hub, fixture.AdminToken);
        await feed.JoinSiteAsync(HubFixture.SiteId);
        await using var door = await fixture.Door1Async();
        var eventId = NewEventId();
        var at = DateTimeOffset.UtcNow;
        var swipe = new { eventId, type = "card.swiped", at, card = HubFixture.ActiveCard, direction = "in" };

        await door.PublishEventAsync(swipe);
        var first = await door.NextCommandAsync();
        await door.PublishEventAsync(swipe);
        var second = await door.NextCommandAsync();

        Assert.Equal(first.GetProperty("commandId").GetString(), second.GetProperty("commandId").GetString());
        Assert.Equal(first.GetRawText(), second.GetRawText());
        var entries = await feed.CollectAsync(TimeSpan.FromSeconds(1.5));
        Assert.Single(entries, entry => entry.GetProperty("eventId").GetString() == eventId);
    }

    /// <summary>Payloads with <c>NOW</c> and <c>SOON</c> for the current time and ten minutes ahead, filled in when the
    /// test runs: test data is made at discovery, which can be minutes before a long suite reaches the test.</summary>
    public static TheoryData<string, string> MalformedPayloads() => new()
    {
        { "{not json", "invalid-json" },
        { """{"type":"card.swiped","at":"2026-01-01T00:00:00Z","card":"AA","direction":"in"}""", "invalid-field:eventId" },
        { """{"eventId":"m-1","type":"card.swiped","at":"NOW","card":"not-hex","direction":"in"}""", "invalid-field:card" },
        { """{"eventId":"m-2","type":"card.swiped","at":"yesterday","card":"AA","direction":"in"}""", "invalid-field:at" },
        { """{"eventId":"m-3","type":"card.swiped","at":"NOW","card":"AA","direction":"sideways"}""", "invalid-field:direction" },
        { """{"eventId":"m-4","type":"teleport","at":"NOW"}""", "unknown-type" },
        { """{"eventId":"m-5","type":"card.swiped","at":"SOON","card":"AA","direction":"in"}""", "clock-skew" },
        { $$"""{"eventId":"m-6","type":"tamper","at":"NOW","detail":"{{new string('x', 17 * 1024)}}"}""", "too-large" },
    };

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public async Task A_malformed_event_gets_its_reject_and_the_next_event_still_works(string payload, string reason)
    {
        await using var door = await fixture.Door2Async();

        var now = DateTimeOffset.UtcNow;
        payload = payload.Replace("\"NOW\"", $"\"{now:O}\"").Replace("\"SOON\"", $"\"{now.AddMinutes(10):O}\"");
        var published = await door.PublishRawAsync(door.Topic("events"), Encoding.UTF8.GetBytes(payload));
        var reject = await door.NextRejectAsync();

        Assert.True(published.IsSuccess, "a refused event is still acknowledged: it was processed");
        Assert.Equal(reason, reject.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(reject.GetProperty("detail").GetString()));
        Assert.True(reject.TryGetProperty("at", out _));
        Assert.True(await door.NoCommandWithinAsync(TimeSpan.FromMilliseconds(300)), "a rejected event gets no command");

        var eventId = NewEventId();
        await door.SwipeAsync(eventId, HubFixture.ActiveCard);
        var command = await door.NextCommandAsync();
        Assert.Equal(eventId, command.GetProperty("inReplyTo").GetString());
    }

    [Fact]
    public async Task A_reject_names_the_event_when_its_id_is_readable()
    {
        await using var door = await fixture.Door2Async();
        await door.PublishRawAsync(door.Topic("events"), """{"eventId":"readable-1","type":"card.swiped","at":"2026-01-01T00:00:00Z"}"""u8.ToArray());
        var reject = await door.NextRejectAsync();
        Assert.Equal("readable-1", reject.GetProperty("eventId").GetString());
        Assert.Equal("invalid-field:card", reject.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Rejects_and_processed_events_are_counted_in_metrics()
    {
        using var http = fixture.Hub.Http();
        // Counters reach the cluster once a second and the dashboard every two: let those of earlier tests land first.
        await Task.Delay(3500);
        var before = (await Scrape.FromAsync(http)).Value("ops_rejects_total", ("reason", "unknown-type"));

        await using var door = await fixture.Door2Async();
        await door.PublishRawAsync(door.Topic("events"), Encoding.UTF8.GetBytes($$"""{"eventId":"metrics-1","type":"levitate","at":"{{DateTimeOffset.UtcNow:O}}"}"""));
        await door.NextRejectAsync();
        await door.SwipeAsync("metrics-2", HubFixture.ActiveCard);
        await door.NextCommandAsync();

        var metrics = await Scrape.UntilAsync(http, scrape => scrape.Value("ops_rejects_total", ("reason", "unknown-type")) > before
            && scrape.Value("ops_decisions_total", ("reason", "granted.resident")) > 0);
        Assert.True(metrics.Value("ops_rejects_total", ("reason", "unknown-type")) >= before + 1, $"the reject was not counted: {before} before{Environment.NewLine}{metrics.Text}");
        Assert.Contains("# TYPE ops_rejects_total counter", metrics.Text);
        Assert.True(metrics.Value("ops_events_total", ("type", "card.swiped")) > 0, metrics.Text);
        Assert.True(metrics.Value("ops_decisions_total", ("reason", "granted.resident")) > 0, metrics.Text);
    }

    [Fact]
    public async Task A_malformed_heartbeat_gets_a_reject()
    {
        await using var door = await fixture.Door2Async();
        await door.PublishRawAsync(door.Topic("status"), """{"online":"yes"}"""u8.ToArray());
        var reject = await door.NextRejectAsync();
        Assert.Equal("invalid-field:online", reject.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_live_feed_shows_the_event_with_only_the_last_four_characters_of_the_card()
    {
        await using var feed = await FeedClient.ConnectAsync(fixture.Hub, fixture.AdminToken);
        await feed.JoinSiteAsync(HubFixture.SiteId);
        await using var door = await fixture.Door1Async();
        var eventId = NewEventId();
        const string card = "12345678ABCDEF";
        using (var admin = fixture.Hub.Http(fixture.AdminToken))
            await new Provisioning(admin).ResidentAsync(HubFixture.SiteId, "r-feed", "Zhang Wei", [card]);

        var watch = Stopwatch.StartNew();
        await door.SwipeAsync(eventId, card, "out");
        var entry = await feed.NextAsync(e => e.GetProperty("eventId").GetString() == eventId, TimeSpan.FromSeconds(2));
        watch.Stop();

        Assert.Equal(HubFixture.SiteId, entry.GetProperty("siteId").GetString());
        Assert.Equal(HubFixture.Door1, entry.GetProperty("gateId").GetString());
        Assert.Equal("card.swiped", entry.GetProperty("type").GetString());
        Assert.Equal("out", entry.GetProperty("direction").GetString());
        Assert.Equal("CDEF", entry.GetProperty("cardTail").GetString());
        Assert.Equal("r-feed", entry.GetProperty("residentId").GetString());
        Assert.Equal("Zhang Wei", entry.GetProperty("residentName").GetString());
        Assert.Equal("open", entry.GetProperty("action").GetString());
        Assert.Equal("granted.resident", entry.GetProperty("reason").GetString());
        Assert.DoesNotContain("12345678", entry.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"feed entry took {watch.Elapsed}");
    }
}
