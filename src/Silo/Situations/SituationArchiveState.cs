using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

[GenerateSerializer, Alias("ops.situation-archive-state")]
public sealed class SituationArchiveState
{
    /// <summary>Records as older versions stored them; the month's records are a log now.</summary>
    [Id(0)] public Dictionary<string, SituationRecord> Records { get; set; } = new(StringComparer.Ordinal);
}
