using Ops.Simulator;

namespace Ops.Tools.Tests.Simulator;

public sealed class SimulatorOptionsTests
{
    private static string? Environment(string name) => name switch
    {
        "OPS_HTTP_PORT" => "18080",
        "OPS_MQTT_PORT" => "11883",
        "OPS_DATA_DIR" => "/tmp/ops-data",
        _ => null,
    };

    [Fact]
    public void Without_options_it_runs_the_demo_against_the_hub_of_the_environment()
    {
        var options = SimulatorOptions.Parse([], Environment);

        Assert.Equal("run", options.Command);
        Assert.Equal(new Uri("http://127.0.0.1:18080/"), options.Url);
        Assert.Equal(("127.0.0.1", 11883), (options.MqttHost, options.MqttPort));
        Assert.Equal("/tmp/ops-data", options.DataDirectory);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Day);
        Assert.Null(options.Duration);
        Assert.True(options.Seed);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = SimulatorOptions.Parse(
            ["run", "--url", "https://hub.example:8443", "--mqtt", "10.0.0.5:1884", "--site", "maple", "--user", "office",
             "--password-file", "/run/secret", "--day", "2m", "--rate", "2.5", "--duration", "1h", "--residents", "600", "--no-seed", "--quiet"],
            _ => null);

        Assert.Equal(new Uri("https://hub.example:8443/"), options.Url);
        Assert.Equal(("10.0.0.5", 1884), (options.MqttHost, options.MqttPort));
        Assert.Equal(("maple", "office", "/run/secret"), (options.SiteId, options.User, options.PasswordFile));
        Assert.Equal((TimeSpan.FromMinutes(2), 2.5, TimeSpan.FromHours(1)), (options.Day, options.Rate, options.Duration));
        Assert.Equal(600, options.Residents);
        Assert.False(options.Seed);
        Assert.True(options.Quiet);
    }

    [Fact]
    public void The_benchmark_keeps_its_count_and_kind()
    {
        var options = SimulatorOptions.Parse(["bench", "2000", "plates"], _ => null);

        Assert.Equal("bench", options.Command);
        Assert.Equal(["2000", "plates"], options.Arguments);
    }

    [Theory]
    [InlineData("--mqtt", "hub-without-port")]
    [InlineData("--mqtt", "hub:70000")]
    [InlineData("--url", "ftp://hub")]
    [InlineData("--day", "90")]
    [InlineData("--duration", "-5s")]
    [InlineData("--rate", "fast")]
    [InlineData("--residents", "10")]
    [InlineData("--colour", "blue")]
    public void A_bad_option_is_refused_with_its_name(string option, string value)
    {
        var refused = Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse([option, value], _ => null));

        Assert.Contains(option, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_its_value_or_an_unknown_command_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(["--url"], _ => null));
        Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(["play"], _ => null));
    }
}
