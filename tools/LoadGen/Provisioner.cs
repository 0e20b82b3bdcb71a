using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ops.LoadGen;

/// <summary>Sets the run's sites, gates and residents up through the hub's HTTP API, as an admin would,
/// and keeps each gate's MQTT password (shown once at provisioning).</summary>
public sealed class Provisioner(LoadOptions options, Population population) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
    {
        BaseAddress = options.Url,
        Timeout = TimeSpan.FromSeconds(120),
    };

    public async Task<string> SignInAsync()
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { username = "admin", password = options.AdminPassword });
        await EnsureAsync(response, "sign-in");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    /// <returns>each gate's MQTT password, by gate index</returns>
    public async Task<string[]> ProvisionAsync()
    {
        var sites = new Progress("sites", population.Sites.Count);
        await ForEachAsync(population.Sites.Count, async i =>
        {
            var siteId = population.Sites[i];
            using var response = await http.PutAsJsonAsync($"api/sites/{siteId}", new { name = $"Benchmark {siteId}", language = "en" });
            await EnsureAsync(response, $"site {siteId}");
            sites.Add();
        });
        sites.Done();

        var passwords = new string[population.Gates.Count];
        var gates = new Progress("gates", population.Gates.Count);
        await ForEachAsync(population.Gates.Count, async i =>
        {
            var gate = population.Gates[i];
            // A long heartbeat: the benchmark's gates send events, not status, and must not go offline between steps.
            using var response = await http.PutAsJsonAsync($"api/sites/{gate.SiteId}/gates/{gate.GateId}?rotateSecret=true",
                new { name = gate.GateId, kind = "pedestrian", direction = "both", heartbeatSeconds = 3600, openSeconds = 5 });
            await EnsureAsync(response, $"gate {gate.Key}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            passwords[i] = body.RootElement.GetProperty("mqtt").GetProperty("password").GetString()!;
            gates.Add();
        });
        gates.Done();

        var residents = new Progress("residents", population.Residents);
        await ForEachAsync(population.Residents, async r =>
        {
            var siteId = population.SiteOf(r);
            var residentId = Population.ResidentId(r);
            using var response = await http.PutAsJsonAsync($"api/sites/{siteId}/residents/{residentId}", new
            {
                name = $"Resident {r}",
                unit = $"{r / 1000 % 100}-{r / 100 % 10}-{r % 100:D2}01",
                building = $"{r / 1000 % 100}",
                cards = new[] { Population.Card(r) },
                active = true,
            });
            await EnsureAsync(response, $"resident {siteId}/{residentId}");
            residents.Add();
        });
        residents.Done();
        return passwords;
    }

    public void Dispose() => http.Dispose();

    private async Task ForEachAsync(int count, Func<int, Task> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Concurrency, count)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                await body(i);
        }));
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
