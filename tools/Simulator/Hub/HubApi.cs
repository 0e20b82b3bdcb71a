using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ops.Simulator.Hub;

/// <summary>The hub's HTTP API as a property office's script uses it: sign in, configure the site, import
/// the resident archive, set vehicle passes, provision gates, post incidents.</summary>
public sealed class HubApi(HttpClient http) : IDisposable
{
    public static async Task<HubApi> SignInAsync(Uri url, string username, string password, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("api/auth/token", new { username, password }, cancellationToken);
        await EnsureAsync(response, $"sign in as {username}", cancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new HubApi(http);
    }

    public async Task PutSiteAsync(string siteId, object config, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync($"api/sites/{siteId}", config, cancellationToken);
        await EnsureAsync(response, $"configure site {siteId}", cancellationToken);
    }

    /// <summary>Imports an archive file; answers the hub's counts.</summary>
    public async Task<JsonElement> ImportResidentsAsync(string siteId, string csv, CancellationToken cancellationToken)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync($"api/sites/{siteId}/residents/import", content, cancellationToken);
        await EnsureAsync(response, "import the residents", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    public async Task PutVehicleAsync(string siteId, string plate, object pass, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync($"api/sites/{siteId}/vehicles/{Uri.EscapeDataString(plate)}", pass, cancellationToken);
        await EnsureAsync(response, $"set the pass of {plate}", cancellationToken);
    }

    /// <summary>Provisions the gate with a new secret and answers its MQTT login.</summary>
    public async Task<(string Username, string Password)> ProvisionGateAsync(string siteId, string gateId, object spec, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync($"api/sites/{siteId}/gates/{gateId}?rotateSecret=true", spec, cancellationToken);
        await EnsureAsync(response, $"provision gate {gateId}", cancellationToken);
        var mqtt = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("mqtt");
        return (mqtt.GetProperty("username").GetString()!, mqtt.GetProperty("password").GetString()!);
    }

    /// <summary>Posts an incident; answers how many households the hub asks staff to visit.</summary>
    public async Task<int> PostIncidentAsync(string siteId, object incident, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/sites/{siteId}/incidents", incident, cancellationToken);
        await EnsureAsync(response, "post the incident", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("situations").GetArrayLength();
    }

    public void Dispose() => http.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException($"Could not {what}: {(int)response.StatusCode} {body}");
    }
}
