namespace Ops.LoadGen;

/// <summary>Who exists in a run, derived from the counts alone so that the provisioning and the traffic
/// agree without sharing a file: gate g and resident r belong to site (g or r) mod sites; resident r
/// holds one card, r + 1 in 8 hex digits.</summary>
public sealed class Population
{
    private readonly string[][] cardsBySite;

    public Population(int sites, int gates, int residents)
    {
        Sites = [.. Enumerable.Range(0, sites).Select(SiteId)];
        Gates = [.. Enumerable.Range(0, gates).Select(g => new GateRef(g, Sites[g % sites], $"g{g / sites:D4}"))];
        Residents = residents;
        cardsBySite = [.. Enumerable.Range(0, sites).Select(site =>
            Enumerable.Range(0, residents).Where(r => r % sites == site).Select(Card).ToArray())];
    }

    public IReadOnlyList<string> Sites { get; }

    public IReadOnlyList<GateRef> Gates { get; }

    public int Residents { get; }

    public static string SiteId(int site) => $"bench-{site:D2}";

    public static string ResidentId(int resident) => $"r{resident:D6}";

    public static string Card(int resident) => (resident + 1).ToString("X8");

    public string SiteOf(int resident) => Sites[resident % Sites.Count];

    /// <summary>The card swiped at a gate for its n-th event: the gate's site's residents in turn,
    /// each gate starting elsewhere so that gates of one site spread over its residents.</summary>
    public string CardFor(GateRef gate, long n)
    {
        var cards = cardsBySite[gate.Index % Sites.Count];
        return cards[(int)((n + (long)gate.Index * 7919) % cards.Length)];
    }
}
