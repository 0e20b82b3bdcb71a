using System.Security.Cryptography;
using Ops.Contracts.Users;
using Ops.Dashboard.Hosting;

namespace Ops.Dashboard.Auth;

/// <summary>Makes sure user <c>admin</c> exists: with <c>OPS_ADMIN_PASSWORD</c> when set, otherwise with a
/// generated password printed once, on the first start, and stored only as a hash.</summary>
public sealed class AdminBootstrap(IClusterClient cluster, DashboardSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = cluster.GetGrain<IUserGrain>(Roles.Admin);
        if (settings.AdminPassword is { } password)
        {
            await admin.SetAsync(new UserSpec { Password = password, Role = Roles.Admin, DisplayName = "Administrator" });
            return;
        }
        if (await admin.GetAsync() is not null)
            return;
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        await admin.SetAsync(new UserSpec { Password = generated, Role = Roles.Admin, DisplayName = "Administrator" });
        // Deliberately on the console and not in the logs: shown this once, never stored in clear.
        Console.WriteLine($"Generated password of user admin (shown once): {generated}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
