using System.Security.Cryptography;
using System.Text.Json;
using Ops.Contracts.Users;
using Ops.Dashboard.Hosting;

namespace Ops.Dashboard.Demo;

/// <summary>With <c>OPS_DEMO=1</c>: keeps the user <c>demo-office</c> (an admin, like a property office's own
/// scripts) with a new password at every start, written only to <c>OPS_DATA_DIR/demo-account.json</c>
/// (readable by its owner). The simulator (<c>tools/Simulator</c>) signs in with it and seeds and plays the
/// demo site over the HTTP API and MQTT, as any installation would. With <c>OPS_DEMO=0</c> an account left
/// from an earlier demo gets a password nobody knows and no rights beyond staff, and its file and the demo
/// gates' logins file are deleted.</summary>
public sealed class DemoAccount(IClusterClient cluster, DashboardSettings settings, ILogger<DemoAccount> logger) : IHostedService
{
    public const string Username = "demo-office";
    public const string FileName = "demo-account.json";

    /// <summary>Where the simulator keeps the demo gates' MQTT logins (<c>DemoGates.FileName</c> in tools/Simulator).</summary>
    public const string GatesFileName = "demo-gates.json";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var user = cluster.GetGrain<IUserGrain>(Username);
        var path = Path.Combine(settings.DataDirectory, FileName);
        if (!settings.Demo)
        {
            if (await user.GetAsync() is not null)
                await user.SetAsync(new UserSpec { Password = NewPassword(), Role = Roles.Staff, DisplayName = "Property office (demo, retired)" });
            // The demo gates stay provisioned: their logins must not outlive the demo either.
            foreach (var file in new[] { path, Path.Combine(settings.DataDirectory, GatesFileName) })
            {
                if (File.Exists(file))
                    File.Delete(file);
            }
            return;
        }

        var password = NewPassword();
        await user.SetAsync(new UserSpec { Password = password, Role = Roles.Admin, DisplayName = "Property office (demo)" });
        Directory.CreateDirectory(settings.DataDirectory);
        await File.WriteAllTextAsync(path, "", cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { username = Username, password }), cancellationToken);
        logger.LogInformation("Demo account {User} ready for the simulator ({File})", Username, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}
