using System.Globalization;

namespace Ops.LoadGen;

/// <summary>Command-line options of <c>run</c> and <c>echo</c>, as <c>--name value</c> pairs and flags.</summary>
public sealed record LoadOptions
{
    public string MqttHost { get; init; } = "127.0.0.1";
    public int MqttPort { get; init; } = 1883;
    /// <summary>The hub's dashboard; null in ceiling mode.</summary>
    public Uri? Url { get; init; }
    public string AdminPassword { get; init; } = Environment.GetEnvironmentVariable("OPS_ADMIN_PASSWORD") ?? "";
    /// <summary>Against a plain broker with an echo responder: no provisioning, no live feed.</summary>
    public bool Ceiling { get; init; }
    public int Sites { get; init; } = 2;
    public int Gates { get; init; } = 200;
    public int Residents { get; init; } = 2000;
    public IReadOnlyList<int> Steps { get; init; } = [1000, 2000, 5000, 10000, 20000, 40000];
    public double StepSeconds { get; init; } = 10;
    public double TimeoutSeconds { get; init; } = 5;
    public double WarmupSeconds { get; init; } = 2;
    public int Workers { get; init; } = 4;
    public int MaxInFlight { get; init; } = 100;
    public int LatencyAt { get; init; } = 5000;
    public int Concurrency { get; init; } = 8;
    /// <summary>Archive mode: the buildings the residents live in.</summary>
    public int Buildings { get; init; } = 20;
    /// <summary>Echo mode: responder connections sharing one subscription.</summary>
    public int Connections { get; init; } = 2;
    /// <summary>Where the run's summary line is also written (for scripts).</summary>
    public string? SummaryFile { get; init; }
    /// <summary>Other processes on this machine whose CPU each step reports (the hub's, or the broker's).</summary>
    public IReadOnlyList<WatchedProcess> Watch { get; init; } = [];

    public static LoadOptions Parse(IReadOnlyList<string> args, bool echo = false)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            double Double() => double.Parse(Value(), CultureInfo.InvariantCulture);
            options = name switch
            {
                "--mqtt-host" => options with { MqttHost = Value() },
                "--mqtt-port" => options with { MqttPort = Int() },
                "--url" => options with { Url = new Uri(Value().TrimEnd('/') + "/") },
                "--admin-password" => options with { AdminPassword = Value() },
                "--ceiling" => options with { Ceiling = true },
                "--sites" => options with { Sites = Int() },
                "--gates" => options with { Gates = Int() },
                "--residents" => options with { Residents = Int() },
                "--steps" => options with { Steps = ParseSteps(Value()) },
                "--step-seconds" => options with { StepSeconds = Double() },
                "--timeout-seconds" => options with { TimeoutSeconds = Double() },
                "--warmup-seconds" => options with { WarmupSeconds = Double() },
                "--workers" => options with { Workers = Int() },
                "--max-inflight" => options with { MaxInFlight = Int() },
                "--latency-at" => options with { LatencyAt = Int() },
                "--concurrency" => options with { Concurrency = Int() },
                "--buildings" => options with { Buildings = Int() },
                "--connections" => options with { Connections = Int() },
                "--summary-file" => options with { SummaryFile = Value() },
                "--watch" => options with { Watch = WatchedProcesses.Parse(Value()) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        if (!echo && !options.Ceiling && options.Url is null)
            throw new ArgumentException("--url is required unless --ceiling");
        if (options.Sites < 1 || options.Gates < options.Sites || options.Residents < options.Sites)
            throw new ArgumentException("need at least one gate and one resident per site");
        return options;
    }

    public static IReadOnlyList<int> ParseSteps(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(step => int.Parse(step, CultureInfo.InvariantCulture))];
}
