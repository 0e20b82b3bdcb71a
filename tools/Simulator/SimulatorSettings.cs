namespace Ops.Simulator;

public sealed record SimulatorSettings(string DataDirectory, string MqttHost, int MqttPort)
{
    public static SimulatorSettings FromEnvironment() => new(
        Path.GetFullPath(Environment.GetEnvironmentVariable("OPS_DATA_DIR") ?? "./.ops-data"),
        Environment.GetEnvironmentVariable("OPS_MQTT_HOST") ?? "127.0.0.1",
        int.TryParse(Environment.GetEnvironmentVariable("OPS_MQTT_PORT"), out var port) ? port : 1883);
}
