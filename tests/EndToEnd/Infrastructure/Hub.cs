using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>The whole hub as separate real processes, started the way run.sh starts them.</summary>
public sealed partial class Hub : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<HubProcess> processes = [];

    private Hub(HubOptions options) => Options = options;

    public HubOptions Options { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Options.HttpPort}/");

    public string AdminPassword { get; private set; } = "";

    public IReadOnlyList<HubProcess> Processes => processes;

    public static async Task<Hub> StartAsync(HubOptions options)
    {
        var hub = new Hub(options);
        try
        {
            await hub.StartProcessesAsync();
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
        return hub;
    }

    /// <summary>Stops every process and starts them again on the same data directory and ports.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessesAsync();
    }

    /// <summary>Kills every process at once (kill -9), then starts them again on the same data and ports.</summary>
    public async Task CrashAndStartAsync()
    {
        foreach (var process in processes)
            await process.KillAsync();
        processes.Clear();
        await StartProcessesAsync();
    }

    public HubProcess ProcessNamed(string name) => processes.Single(p => p.Name == name);

    public async Task StopAsync()
    {
        for (var i = processes.Count - 1; i >= 0; i--)
            await processes[i].StopAsync();
        processes.Clear();
    }

    public HttpClient Http(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string username, string password)
    {
        using var http = Http();
        using var response = await http.PostAsJsonAsync("api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>GETs JSON; a failure says what the hub answered and what its processes printed.</summary>
    public async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {body}{Environment.NewLine}{Diagnostics()}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<string> AdminTokenAsync() => TokenAsync("admin", AdminPassword);

    public string Diagnostics() => string.Join(Environment.NewLine, processes.Select(p => p.Tail()));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Stops the dashboard alone, as a crash or a redeploy of it would: live screens lose
    /// their connection while gates and the cluster go on.</summary>
    public async Task StopDashboardAsync()
    {
        var dashboard = processes.Single(p => p.Name == "dashboard");
        await dashboard.StopAsync();
        processes.Remove(dashboard);
    }

    public async Task StartDashboardAsync()
    {
        StartDashboard();
        await WaitUntilAsync(ReadyAsync, "/health/ready");
    }

    private Dictionary<string, string> ProcessEnvironment() => new(Options.Environment)
    {
        ["OPS_DATA_DIR"] = Options.DataDirectory,
        ["OPS_HTTP_PORT"] = Options.HttpPort.ToString(),
        ["OPS_MQTT_PORT"] = Options.MqttPort.ToString(),
        ["OPS_SILO_PORT"] = Options.SiloPort.ToString(),
        ["OPS_ORLEANS_GATEWAY_PORT"] = Options.OrleansGatewayPort.ToString(),
        ["OPS_DEMO"] = "0",
        ["OPS_ADMIN_PASSWORD"] = Options.AdminPassword ?? "",
        ["Logging__LogLevel__Orleans"] = "Warning",
        ["Logging__LogLevel__Microsoft"] = "Warning",
        ["Logging__LogLevel__Polly"] = "Warning",
    };

    private void StartDashboard()
    {
        var root = Repository.Root;
        processes.Add(HubProcess.Start("dashboard", Repository.Dll("src/Dashboard", "Ops.Dashboard"), root, ProcessEnvironment(),
            "--contentRoot", Path.Combine(root, "src", "Dashboard")));
    }

    private async Task StartProcessesAsync()
    {
        var root = Repository.Root;
        processes.Add(HubProcess.Start("silo", Repository.Dll("src/Silo", "Ops.Silo"), root, ProcessEnvironment()));
        await WaitUntilAsync(() => PortOpenAsync(Options.OrleansGatewayPort), "the silo's gateway port");
        processes.Add(HubProcess.Start("gateway", Repository.Dll("src/Gateway", "Ops.Gateway"), root, ProcessEnvironment()));
        StartDashboard();
        await WaitUntilAsync(ReadyAsync, "/health/ready");

        if (Options.AdminPassword is { } password)
            AdminPassword = password;
        else if (GeneratedPassword() is { } generated)
            AdminPassword = generated;
    }

    /// <summary>The admin password the dashboard printed on its first start, if it printed one this time.</summary>
    public string? GeneratedPassword() => processes
        .Where(p => p.Name == "dashboard")
        .SelectMany(p => p.Output)
        .Select(line => GeneratedPasswordLine().Match(line))
        .Where(match => match.Success)
        .Select(match => match.Groups[1].Value)
        .FirstOrDefault();

    private async Task<bool> ReadyAsync()
    {
        using var http = Http();
        http.Timeout = TimeSpan.FromSeconds(5);
        try
        {
            using var response = await http.GetAsync("health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> PortOpenAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
                throw new InvalidOperationException($"The {exited.Name} exited while waiting for {what}.{Environment.NewLine}{Diagnostics()}");
            if (await condition())
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Waited {StartTimeout.TotalSeconds} s for {what}.{Environment.NewLine}{Diagnostics()}");
    }

    [GeneratedRegex(@"Generated password of user admin \(shown once\): (\S+)")]
    private static partial Regex GeneratedPasswordLine();
}
