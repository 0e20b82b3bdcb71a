using System.Text.Json;

namespace Ops.Simulator;

/// <summary>The demo gates' credentials, as the dashboard's demo seeder writes them.</summary>
public sealed record DemoGate(string SiteId, string GateId, string Kind, string Username, string Password, IReadOnlyList<string> Cards, IReadOnlyList<string> Plates)
{
    public bool IsVehicle => Kind == "vehicle";
}

public static class DemoGates
{
    public static async Task<IReadOnlyList<DemoGate>> LoadAsync(SimulatorSettings settings)
    {
        var path = Path.Combine(settings.DataDirectory, "demo-gates.json");
        for (var attempt = 0; !File.Exists(path); attempt++)
        {
            if (attempt == 60)
                throw new FileNotFoundException("No demo gates: is the dashboard running with OPS_DEMO=1?", path);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var gates = JsonSerializer.Deserialize<List<DemoGate>>(await File.ReadAllTextAsync(path), JsonSerializerOptions.Web);
        return gates is { Count: > 0 } ? gates : throw new InvalidDataException($"{path} lists no gates");
    }
}
