using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>One process of the hub (silo, gateway or dashboard) started from its build output.</summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private HubProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Everything the process printed, in order.</summary>
    public IReadOnlyList<string> Output => [.. output];

    public static HubProcess Start(string name, string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is not built; build Ops.sln in the same configuration as the tests first", dll);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var hubProcess = new HubProcess(name, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) hubProcess.output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) hubProcess.output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hubProcess;
    }

    /// <summary>Stops the process as Ctrl-C or SIGTERM would, and kills it if it does not end in time.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
            return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Waits for a process that ends by itself (a one-off command); answers its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>Ends the process at once, as kill -9 or a power cut would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited)
            return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>The process's resident memory now, from /proc (for tests that memory stays bounded).</summary>
    public long ResidentBytes()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    public string Tail(int lines = 40) => $"--- {Name} (last {lines} lines) ---{Environment.NewLine}"
        + string.Join(Environment.NewLine, output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }
}
