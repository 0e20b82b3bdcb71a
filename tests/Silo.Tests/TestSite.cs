using Ops.Contracts.Gates;
using Ops.Contracts.Residents;
using Ops.Contracts.Sites;
using Orleans;

namespace Ops.Silo.Tests;

/// <summary>A site of its own for one test, so tests sharing the cluster never see each other's grains.</summary>
internal sealed class TestSite(IClusterClient client)
{
    public string SiteId { get; } = "t-" + Guid.NewGuid().ToString("N")[..16];

    public ISiteGrain Site => client.GetGrain<ISiteGrain>(SiteId);

    public IGateGrain Gate(string gateId) => client.GetGrain<IGateGrain>($"{SiteId}/{gateId}");

    public IResidentGrain Resident(string residentId) => client.GetGrain<IResidentGrain>($"{SiteId}/{residentId}");

    public static GateSpec PedestrianGate(int openSeconds = 5) => new()
    {
        Name = "North entrance",
        Kind = GateKind.Pedestrian,
        Direction = Direction.Both,
        Building = "3",
        HeartbeatSeconds = 30,
        OpenSeconds = openSeconds,
    };

    public Task<GateProvisioned> ProvisionGateAsync(string gateId, int openSeconds = 5) =>
        Gate(gateId).ProvisionAsync(PedestrianGate(openSeconds), rotateSecret: false);

    public Task<ResidentSaved> SaveResidentAsync(string residentId, bool active, params string[] cards) =>
        Resident(residentId).SaveAsync(new Resident
        {
            ResidentId = residentId,
            Name = $"Resident {residentId}",
            Unit = "3-2-1201",
            Building = "3",
            Cards = cards,
            Active = active,
        });

    public static GateEvent CardSwiped(string card, string? eventId = null) => new()
    {
        EventId = eventId ?? Guid.NewGuid().ToString("N"),
        Type = EventTypes.CardSwiped,
        At = DateTimeOffset.UtcNow,
        Card = card,
        Direction = Direction.In,
    };

    /// <summary>Swipes a card at the gate and returns the command it answers with.</summary>
    public async Task<GateCommand> SwipeAsync(string gateId, string card, string? eventId = null)
    {
        var outcome = await Gate(gateId).HandleEventAsync(CardSwiped(card, eventId));
        return outcome.Command ?? throw new InvalidOperationException($"The gate answered a swipe of {card} with no command.");
    }
}
