namespace Ops.Dashboard.Hosting;

/// <summary>The environment variables of README, Configuration that the dashboard reads, with their defaults.</summary>
public sealed record DashboardSettings(
    string DataDirectory, string HttpBind, int HttpPort, int OrleansGatewayPort, string MqttHost, int MqttPort,
    string? AdminPassword, bool Demo)
{
    public static DashboardSettings From(IConfiguration configuration) => new(
        Path.GetFullPath(configuration["OPS_DATA_DIR"] ?? "./.ops-data"),
        configuration["OPS_HTTP_BIND"] ?? "127.0.0.1",
        configuration.GetValue("OPS_HTTP_PORT", 8080),
        configuration.GetValue("OPS_ORLEANS_GATEWAY_PORT", 30000),
        configuration["OPS_MQTT_HOST"] ?? "127.0.0.1",
        configuration.GetValue("OPS_MQTT_PORT", 1883),
        string.IsNullOrEmpty(configuration["OPS_ADMIN_PASSWORD"]) ? null : configuration["OPS_ADMIN_PASSWORD"],
        configuration["OPS_DEMO"] != "0");
}
