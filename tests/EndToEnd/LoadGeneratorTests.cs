using System.Globalization;
using Ops.EndToEnd.Infrastructure;

namespace Ops.EndToEnd;

/// <summary>The benchmark's load generator (tools/LoadGen, docs/PERFORMANCE.md) against a hub of its own, as
/// <c>tools/bench.sh</c> runs it: it provisions its population over the API, connects its gates over MQTT
/// from several loopback addresses, and must see every event decided and on the live feed.</summary>
public sealed class LoadGeneratorTests
{
    [Fact]
    public async Task A_small_run_provisions_connects_and_sees_every_event_decided_and_pushed()
    {
        await using var hub = await Hub.StartAsync(HubOptions.Fresh());
        var summaryFile = Path.Combine(hub.Options.DataDirectory, "loadgen.summary");
        await using var generator = HubProcess.Start("loadgen", Repository.Dll("tools/LoadGen", "Ops.LoadGen"), Repository.Root,
            new Dictionary<string, string>(),
            "run", "--url", hub.BaseAddress.ToString(), "--admin-password", hub.AdminPassword, "--mqtt-port",
            hub.Options.MqttPort.ToString(CultureInfo.InvariantCulture), "--sites", "2", "--gates", "8", "--residents", "40",
            "--steps", "40,80", "--step-seconds", "2", "--warmup-seconds", "1", "--latency-at", "80", "--summary-file", summaryFile);

        var exitCode = await generator.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exitCode == 0, $"exit {exitCode}{Environment.NewLine}{generator.Tail()}{Environment.NewLine}{hub.Diagnostics()}");
        var summary = Fields(File.ReadAllText(summaryFile));
        Assert.True(summary["sustained_eps"] == "80" && summary["undecided"] == "0", generator.Tail());
        Assert.True(double.TryParse(summary["push_p99_ms"], CultureInfo.InvariantCulture, out _), $"no push latency: {generator.Tail()}");
        Assert.Contains(generator.Output, line => line.StartsWith("8 gates connected", StringComparison.Ordinal));
    }

    /// <summary>The <c>name=value</c> fields of the generator's summary line.</summary>
    private static Dictionary<string, string> Fields(string line) =>
        line.Trim().Split(' ').Where(field => field.Contains('=')).Select(field => field.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
}
