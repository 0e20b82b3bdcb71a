using System.Net.Http.Json;
using System.Text.Json;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>Sets a hub up over its HTTP API, as an admin would.</summary>
public sealed class Provisioning(HttpClient admin)
{
    public async Task SiteAsync(string siteId, object? config = null)
    {
        using var response = await admin.PutAsJsonAsync($"api/sites/{siteId}", config ?? new { name = $"Site {siteId}", language = "en" });
        await EnsureAsync(response);
    }

    /// <summary>Provisions a gate and returns its MQTT password.</summary>
    public async Task<string> GateAsync(string siteId, string gateId, string kind = "pedestrian", int openSeconds = 5, int heartbeatSeconds = 30)
    {
        using var response = await admin.PutAsJsonAsync($"api/sites/{siteId}/gates/{gateId}",
            new { name = gateId, kind, direction = "both", openSeconds, heartbeatSeconds });
        await EnsureAsync(response);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("mqtt").GetProperty("password").GetString()!;
    }

    public async Task UserAsync(string username, string password, string role, params string[] sites)
    {
        using var response = await admin.PutAsJsonAsync($"api/users/{username}", new { password, role, sites });
        await EnsureAsync(response);
    }

    public async Task ResidentAsync(string siteId, string residentId, string name, string[] cards, bool active = true)
    {
        using var response = await admin.PutAsJsonAsync($"api/sites/{siteId}/residents/{residentId}",
            new { name, unit = "3-2-1201", building = "3", cards, active });
        await EnsureAsync(response);
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }
}
