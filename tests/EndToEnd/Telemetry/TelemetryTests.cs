using System.Text;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd.Telemetry;

/// <summary>Metrics at <c>/metrics</c> and traces in the span files, from real gate traffic.</summary>
public sealed class TelemetryTests(TracedHubFixture fixture) : IClassFixture<TracedHubFixture>
{
    [Fact]
    public async Task One_swipe_is_traced_from_the_gateway_through_the_grains_to_the_push()
    {
        var hub = fixture.Hub;
        await using var feed = await FeedClient.ConnectAsync(hub, fixture.AdminToken);
        await feed.JoinSiteAsync(TracedHubFixture.SiteId);
        await using var door = await fixture.DoorAsync();
        var eventId = $"traced-{Guid.NewGuid():N}";

        await door.SwipeAsync(eventId, TracedHubFixture.Card);
        await door.NextCommandAsync();
        await feed.NextAsync(entry => entry.GetProperty("eventId").GetString() == eventId);

        // Each process writes a span when it ends; the push's ends just after the screen got it.
        IReadOnlyList<Span> spans = [];
        Span? push = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (push is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            spans = Span.ReadAll(fixture.TraceDirectory);
            push = spans.FirstOrDefault(span => span.Process == "ops-dashboard" && span.Name == "feed push"
                && span.Tags.GetValueOrDefault("ops.event.id") == eventId);
        }
        var described = string.Join(Environment.NewLine, spans.Select(s => $"{s.Process} {s.TraceId} {s.SpanId}<-{s.ParentSpanId} {s.Name}"));
        Assert.True(push is not null, $"no push span for {eventId}:{Environment.NewLine}{described}");

        var received = Assert.Single(spans, span => span.Process == "ops-gateway" && span.Tags.GetValueOrDefault("ops.event.id") == eventId);
        Assert.Equal("gate event", received.Name);
        Assert.Null(received.ParentSpanId);
        var trace = spans.Where(span => span.TraceId == received.TraceId).ToList();
        Assert.Equal(received.TraceId, push!.TraceId);
        // The grains' side of the trace: the gate grain handling the event, in the silo.
        Assert.Contains(trace, span => span.Process == "ops-silo" && span.Name.Contains("HandleEvent", StringComparison.OrdinalIgnoreCase));
        // One unbroken chain from the push back to the gateway's span, across the three processes.
        var byId = trace.ToDictionary(span => span.SpanId);
        var chain = new List<Span> { push };
        while (chain[^1].ParentSpanId is { } parentId && byId.TryGetValue(parentId, out var parent))
            chain.Add(parent);
        Assert.Same(received, chain[^1]);
        Assert.Equal(["ops-dashboard", "ops-gateway", "ops-silo"], chain.Select(span => span.Process).Distinct().Order());
    }

    [Fact]
    public async Task Metrics_count_exactly_the_events_rejects_decisions_and_situations_sent()
    {
        using var http = fixture.Hub.Http();
        await using var door = await fixture.DoorAsync();
        // Earlier traffic of this hub has landed once the counts stand still across two refreshes.
        var before = await SettledAsync(http);

        await door.SwipeAsync($"m-{Guid.NewGuid():N}", TracedHubFixture.Card);
        await door.NextCommandAsync();
        await door.SwipeAsync($"m-{Guid.NewGuid():N}", TracedHubFixture.Card, "out");
        await door.NextCommandAsync();
        await door.SwipeAsync($"m-{Guid.NewGuid():N}", "DEAD0001");
        await door.NextCommandAsync();
        await door.PublishRawAsync(door.Topic("events"), Encoding.UTF8.GetBytes($$"""{"eventId":"m-bad","type":"levitate","at":"{{DateTimeOffset.UtcNow:O}}"}"""));
        await door.NextRejectAsync();
        await door.PublishEventAsync(new { eventId = $"m-{Guid.NewGuid():N}", type = "door.forced", at = DateTimeOffset.UtcNow });

        var after = await Scrape.UntilAsync(http, scrape =>
            scrape.Value("ops_events_total", ("type", "door.forced")) > before.Value("ops_events_total", ("type", "door.forced"))
            && scrape.Value("ops_situations_raised_total", ("kind", "door-forced")) > before.Value("ops_situations_raised_total", ("kind", "door-forced"))
            && scrape.Value("ops_situations_open", ("severity", "critical")) > before.Value("ops_situations_open", ("severity", "critical")));
        double Delta(string name, params (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);

        Assert.True(Delta("ops_events_total", ("type", "card.swiped")) == 3, after.Text);
        Assert.True(Delta("ops_events_total", ("type", "door.forced")) == 1, after.Text);
        Assert.True(Delta("ops_rejects_total", ("reason", "unknown-type")) == 1, after.Text);
        Assert.True(Delta("ops_decisions_total", ("reason", "granted.resident")) == 2, after.Text);
        Assert.True(Delta("ops_decisions_total", ("reason", "denied.unknown-card")) == 1, after.Text);
        Assert.True(Delta("ops_situations_raised_total", ("kind", "door-forced"), ("severity", "critical")) == 1, after.Text);
        Assert.True(Delta("ops_situations_open", ("severity", "critical")) == 1, after.Text);
        // Every command's latency is in the histogram, in the buckets the hub declares.
        Assert.Contains("# TYPE ops_decision_seconds histogram", after.Text);
        Assert.True(Delta("ops_decision_seconds_count") == Delta("ops_decisions_total"), after.Text);
        Assert.True(Delta("ops_decision_seconds_bucket", ("le", "+Inf")) == Delta("ops_decisions_total"), after.Text);
        Assert.True(after.Has("ops_decision_seconds_bucket") && after.Text.Contains("ops_decision_seconds_bucket{otel_scope_name=\"Ops.Hub\",le=\"0.0025\"}"), after.Text);
        Assert.True(Delta("ops_decision_seconds_sum") > 0, after.Text);
        Assert.True(after.Value("ops_gates_online") >= 1, after.Text);
        // The dashboard's own ASP.NET Core and Orleans meters are served beside the hub's.
        Assert.True(after.Has("http_server_request_duration_seconds_count"), after.Text);
        Assert.Contains(after.Text.Split('\n'), line => line.StartsWith("orleans_", StringComparison.Ordinal));
    }

    private static async Task<Scrape> SettledAsync(HttpClient http)
    {
        var previous = await Scrape.FromAsync(http);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(2500);
            var next = await Scrape.FromAsync(http);
            if (next.Value("ops_events_total") == previous.Value("ops_events_total")
                && next.Value("ops_decision_seconds_count") == previous.Value("ops_decision_seconds_count"))
                return next;
            previous = next;
        }
        return previous;
    }
}
