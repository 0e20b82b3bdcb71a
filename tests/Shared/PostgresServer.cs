using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Ops.Tests.Shared;

/// <summary>A throwaway PostgreSQL server of the machine's own PostgreSQL (Debian's <c>postgresql</c> package,
/// which ./test.sh installs): a new cluster in a temporary folder, on a free loopback port, removed at the end.
/// The server refuses to run as root, so as root it runs as the <c>postgres</c> user.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"ops-pg-{Guid.NewGuid():N}");
    private readonly int port = FreePorts.Next();
    private string bin = "";

    private string DataDirectory => Path.Combine(directory, "data");

    public string ConnectionString(string database = "ops") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = database,
        Pooling = true,
    }.ToString();

    public async Task InitializeAsync()
    {
        bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")))
            .OrderByDescending(candidate => candidate, StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (./test.sh installs the postgresql package).");
        Directory.CreateDirectory(directory);
        if (Environment.UserName == "root")
            await RunAsync("chown", "postgres:postgres", directory);
        await RunAsServerUserAsync(Path.Combine(bin, "initdb"), "-D", DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        await RunAsServerUserAsync(Path.Combine(bin, "pg_ctl"), "-D", DataDirectory, "-w", "-l", Path.Combine(directory, "server.log"),
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1", "start");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE ops", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsServerUserAsync(Path.Combine(bin, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        Directory.Delete(directory, recursive: true);
    }

    private Task RunAsServerUserAsync(string program, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
    }
}
