using System.Net.Http.Json;
using System.Text.Json;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>A site of its own for a situations test: SLAs of seconds, one door with a short heartbeat.</summary>
public sealed class SituationSite : IAsyncDisposable
{
    public const int CriticalSeconds = 2;
    public const int MajorSeconds = 3;
    public const int MinorSeconds = 4;

    private SituationSite(Hub hub, string siteId, HttpClient admin, string doorPassword)
    {
        Hub = hub;
        SiteId = siteId;
        Admin = admin;
        DoorPassword = doorPassword;
    }

    public Hub Hub { get; }

    public string SiteId { get; }

    public HttpClient Admin { get; }

    public string DoorPassword { get; }

    public const string Door = "door";

    public static async Task<SituationSite> CreateAsync(Hub hub, string adminToken, string siteId, int heartbeatSeconds = 30)
    {
        var admin = hub.Http(adminToken);
        var provisioning = new Provisioning(admin);
        await provisioning.SiteAsync(siteId, new
        {
            name = siteId,
            language = "en",
            sla = new { criticalSeconds = CriticalSeconds, majorSeconds = MajorSeconds, minorSeconds = MinorSeconds },
        });
        var password = await provisioning.GateAsync(siteId, Door, heartbeatSeconds: heartbeatSeconds);
        await provisioning.ResidentAsync(siteId, "r-1", "Wang Xiuying", ["C0DE01"]);
        return new SituationSite(hub, siteId, admin, password);
    }

    public Task<GateClient> DoorAsync() => GateClient.ConnectAsync(Hub.Options.MqttPort, SiteId, Door, DoorPassword);

    public async Task<FeedClient> FeedAsync(string token)
    {
        var feed = await FeedClient.ConnectAsync(Hub, token);
        await feed.JoinSiteAsync(SiteId);
        return feed;
    }

    public async Task<JsonElement[]> OpenSituationsAsync(HttpClient? client = null) =>
        (await (client ?? Admin).GetFromJsonAsync<JsonElement[]>($"api/sites/{SiteId}/situations?state=open"))!;

    public async Task<JsonElement> SituationAsync(string id, HttpClient? client = null) =>
        await Hub.GetJsonAsync(client ?? Admin, $"api/situations/{id}");

    public Task<HttpResponseMessage> PostAsync(string path, object body, HttpClient? client = null) =>
        (client ?? Admin).PostAsJsonAsync(path, body);

    public static object Event(string type, object? extra = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["eventId"] = $"ev-{Guid.NewGuid():N}",
            ["type"] = type,
            ["at"] = DateTimeOffset.UtcNow,
        };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra, JsonSerializerOptions.Web).EnumerateObject())
                fields[property.Name] = property.Value;
        }
        return fields;
    }

    public ValueTask DisposeAsync()
    {
        Admin.Dispose();
        return ValueTask.CompletedTask;
    }
}
