using System.Globalization;

namespace Ops.Simulator;

/// <summary>The command line (see <see cref="Usage"/>), with defaults from the hub's environment variables.</summary>
public sealed record SimulatorOptions
{
    public const string Usage = """
        Ops.Simulator [run|seed|bench] [options]
          run     seed the site, then play a community's compressed day and go on with quiet traffic (default)
          seed    seed the site (settings, residents, vehicle passes, gates) and exit
          bench [N] [swipes|plates]   N events one after another from one gate; prints publish -> command latency
        options:
          --url URL           the hub's dashboard        (default http://127.0.0.1:$OPS_HTTP_PORT, port 8080)
          --mqtt HOST:PORT    the hub's MQTT broker      (default 127.0.0.1:$OPS_MQTT_PORT, port 1883)
          --site ID           the site to seed and play  (default demo)
          --user NAME         who signs in               (default: the demo account of $OPS_DATA_DIR, else admin)
          --password-file F   the user's password in a file (else $OPS_SIM_PASSWORD, else the demo account's)
          --day DURATION      how long the compressed day lasts (default 90s)
          --rate N            quiet traffic, events per second (default 0.5; 0 for none)
          --duration DURATION stop after this long (default: until Ctrl-C or SIGTERM)
          --residents N       how many residents the community has (default 300)
          --no-seed           play on a site seeded before (gate logins from $OPS_DATA_DIR/demo-gates.json)
          --quiet             only the scenes of the day, no running count
        Durations: 90s, 10m, 2h.
        """;

    public string Command { get; init; } = "run";
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public Uri Url { get; init; } = new("http://127.0.0.1:8080/");
    public string MqttHost { get; init; } = "127.0.0.1";
    public int MqttPort { get; init; } = 1883;
    public string SiteId { get; init; } = "demo";
    public string? User { get; init; }
    public string? PasswordFile { get; init; }
    public string DataDirectory { get; init; } = Path.GetFullPath("./.ops-data");
    public TimeSpan Day { get; init; } = TimeSpan.FromSeconds(90);
    public double Rate { get; init; } = 0.5;
    public TimeSpan? Duration { get; init; }
    public int Residents { get; init; } = 300;
    public bool Seed { get; init; } = true;
    public bool Quiet { get; init; }

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static SimulatorOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new SimulatorOptions
        {
            Url = new Uri($"http://127.0.0.1:{environment("OPS_HTTP_PORT") ?? "8080"}/"),
            MqttPort = int.TryParse(environment("OPS_MQTT_PORT"), out var port) ? port : 1883,
            MqttHost = environment("OPS_MQTT_HOST") ?? "127.0.0.1",
            DataDirectory = Path.GetFullPath(environment("OPS_DATA_DIR") ?? "./.ops-data"),
        };
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--url" => options with { Url = ParseUrl(Value()) },
                "--mqtt" => ParseMqtt(options, Value()),
                "--site" => options with { SiteId = Value() },
                "--user" => options with { User = Value() },
                "--password-file" => options with { PasswordFile = Value() },
                "--day" => options with { Day = ParseDuration(Value(), "--day") },
                "--rate" => options with { Rate = ParseRate(Value()) },
                "--duration" => options with { Duration = ParseDuration(Value(), "--duration") },
                "--residents" => options with { Residents = int.TryParse(Value(), out var n) && n is >= 50 and <= 20_000 ? n : throw new ArgumentException("--residents must be 50-20000") },
                "--no-seed" => options with { Seed = false },
                "--quiet" => options with { Quiet = true },
                var other when other.StartsWith("--", StringComparison.Ordinal) => throw new ArgumentException($"unknown option {other}"),
                var other => Positional(options, positional, other),
            };
        }
        return options with { Arguments = positional.Count > 1 ? positional[1..] : [] };
    }

    private static SimulatorOptions Positional(SimulatorOptions options, List<string> positional, string value)
    {
        positional.Add(value);
        if (positional.Count > 1)
            return options;
        return value is "run" or "seed" or "bench" ? options with { Command = value } : throw new ArgumentException($"unknown command {value}");
    }

    private static Uri ParseUrl(string value) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"--url must be an http(s) URL, not '{value}'");

    private static SimulatorOptions ParseMqtt(SimulatorOptions options, string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new ArgumentException($"--mqtt must be HOST:PORT, not '{value}'");
        return options with { MqttHost = value[..colon], MqttPort = port };
    }

    private static double ParseRate(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1000
            ? rate
            : throw new ArgumentException($"--rate must be 0-1000 events per second, not '{value}'");

    public static TimeSpan ParseDuration(string value, string option)
    {
        var unit = value.Length > 0 ? value[^1] : ' ';
        var scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        return scale > 0 && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? TimeSpan.FromSeconds(amount * scale)
            : throw new ArgumentException($"{option} must be a duration such as 90s, 10m or 2h, not '{value}'");
    }
}
