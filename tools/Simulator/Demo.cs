using System.Text.Json;
using Ops.Simulator.Day;
using Ops.Simulator.Hub;
using Ops.Simulator.People;

namespace Ops.Simulator;

/// <summary>The <c>seed</c> and <c>run</c> commands: sign in, seed the site, then play the day.</summary>
public static class Demo
{
    /// <summary>Written by the dashboard with <c>OPS_DEMO=1</c>: the demo account's name and password.</summary>
    public const string AccountFile = "demo-account.json";

    public static async Task<int> RunAsync(SimulatorOptions options, CancellationToken stop)
    {
        var (username, password) = await CredentialsAsync(options);
        using var api = await HubApi.SignInAsync(options.Url, username, password, stop);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var community = CommunityGenerator.Generate(today, options.Residents);
        var progress = new Progress(options.Quiet);

        IReadOnlyList<DemoGate> logins;
        if (options.Seed)
        {
            logins = await SiteSeeder.SeedAsync(api, options.SiteId, community, today, options.Day, text => progress.Say("", text), stop);
            if (Directory.Exists(options.DataDirectory))
                await DemoGates.SaveAsync(options.DataDirectory, logins);
        }
        else
        {
            logins = await DemoGates.LoadAsync(options.DataDirectory);
        }
        if (options.Command == "seed")
            return 0;

        var seed = Environment.TickCount;
        var visitor = $"粤C{new Random(seed).Next(10000, 99999)}";
        var script = DayScript.Build(community, options.Day, visitor, seed);
        progress.Say("", $"Playing a day from {DayScript.Dawn:HH:mm} to {DayScript.Night:HH:mm} in {options.Day.TotalSeconds:0} s at {options.Url} and {options.MqttHost}:{options.MqttPort}, "
            + $"then quiet traffic at {options.Rate} events/s{(options.Duration is { } d ? $" until {d.TotalSeconds:0} s" : "")}");
        var gates = logins.Select(login => new SimulatedGate(options.MqttHost, options.MqttPort, login)).ToList();
        try
        {
            await new DayPlayer(options, api, gates, community, script, progress).RunAsync(stop);
        }
        finally
        {
            // All at once: run.sh gives the simulator 15 s to stop before it kills it (and the Last Wills go out).
            var clean = await Task.WhenAll(gates.Select(gate => gate.DisconnectAsync()));
            foreach (var gate in gates)
                await gate.DisposeAsync();
            progress.Say("", clean.All(ok => ok)
                ? $"Stopped after {progress.Sent} events; the gates disconnected cleanly"
                : $"Stopped after {progress.Sent} events; {clean.Count(ok => !ok)} of {gates.Count} gates could not disconnect cleanly");
        }
        return 0;
    }

    private static async Task<(string Username, string Password)> CredentialsAsync(SimulatorOptions options)
    {
        var accountPath = Path.Combine(options.DataDirectory, AccountFile);
        DemoAccount? account = null;
        if (File.Exists(accountPath))
            account = JsonSerializer.Deserialize<DemoAccount>(await File.ReadAllTextAsync(accountPath), JsonSerializerOptions.Web);
        var username = options.User ?? account?.Username ?? "admin";
        var password = options.PasswordFile is { } file
            ? (await File.ReadAllTextAsync(file)).TrimEnd('\r', '\n')
            : Environment.GetEnvironmentVariable("OPS_SIM_PASSWORD") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : account is not null && account.Username == username ? account.Password : null;
        return password is null
            ? throw new InvalidOperationException($"No password for user {username}: give --password-file or OPS_SIM_PASSWORD (or run the hub with OPS_DEMO=1, which writes {accountPath})")
            : (username, password);
    }

    private sealed record DemoAccount(string Username, string Password);
}
