using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

[GenerateSerializer, Alias("ops.site-situations-state")]
public sealed class SiteSituationsState
{
    [Id(0)] public long LastNumber { get; set; }

    /// <summary>Every unresolved situation by its deduplication key <c>{kind}|{subject}</c>.</summary>
    [Id(1)] public Dictionary<string, string> Open { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When each of the recent new situations was raised, for flood control.</summary>
    [Id(2)] public List<DateTimeOffset> RecentRaises { get; set; } = [];

    /// <summary>Unresolved situations grouped into each open flood summary.</summary>
    [Id(3)] public Dictionary<string, List<string>> Groups { get; set; } = new(StringComparer.Ordinal);

    [Id(4)] public List<Shelf> Shelves { get; set; } = [];

    /// <summary>Unresolved situations raised while shelved: announced when their shelf ends.</summary>
    [Id(5)] public List<ShelvedSituation> ShelvedOpen { get; set; } = [];

    /// <summary>Every shelve and unshelve, with who and when.</summary>
    [Id(6)] public List<HistoryEntry> ShelfLog { get; set; } = [];

    /// <summary>The site's own checklists by kind, over <see cref="Checklists.Defaults"/>.</summary>
    [Id(7)] public Dictionary<string, List<string>> Checklists { get; set; } = new(StringComparer.Ordinal);

    public static string Key(string kind, string subject) => $"{kind}|{subject}";
}

[GenerateSerializer, Immutable, Alias("ops.shelved-situation")]
public sealed record ShelvedSituation([property: Id(0)] string Id, [property: Id(1)] string GateId, [property: Id(2)] string Kind);
