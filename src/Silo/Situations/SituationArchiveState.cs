using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

[GenerateSerializer, Alias("ops.situation-archive-state")]
public sealed class SituationArchiveState
{
    [Id(0)] public Dictionary<string, SituationRecord> Records { get; set; } = new(StringComparer.Ordinal);
}
