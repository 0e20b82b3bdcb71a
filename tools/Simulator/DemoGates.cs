using System.Text.Json;

namespace Ops.Simulator;

/// <summary>A provisioned gate's MQTT login, with a few known cards for the latency benchmark.</summary>
public sealed record DemoGate(string SiteId, string GateId, string Kind, string Username, string Password, IReadOnlyList<string> Cards, IReadOnlyList<string> Plates, int HeartbeatSeconds = 30)
{
    public bool IsVehicle => Kind == "vehicle";
}

/// <summary>The gate logins of the last seeding, kept in the data directory (readable by its owner only) for
/// <c>run --no-seed</c> and <c>bench</c>.</summary>
public static class DemoGates
{
    public const string FileName = "demo-gates.json";

    public static async Task SaveAsync(string dataDirectory, IReadOnlyList<DemoGate> gates)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        await File.WriteAllTextAsync(path, "");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(gates, JsonSerializerOptions.Web));
    }

    public static async Task<IReadOnlyList<DemoGate>> LoadAsync(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No gate logins at {path}: run 'Ops.Simulator seed' first", path);
        var gates = JsonSerializer.Deserialize<List<DemoGate>>(await File.ReadAllTextAsync(path), JsonSerializerOptions.Web);
        return gates is { Count: > 0 } ? gates : throw new InvalidDataException($"{path} lists no gates");
    }
}
