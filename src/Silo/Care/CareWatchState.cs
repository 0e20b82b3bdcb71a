using Ops.Contracts.Care;

namespace Ops.Silo.Care;

[GenerateSerializer, Alias("ops.care-watch-state")]
public sealed class CareWatchState
{
    [Id(0)] public Dictionary<string, WelfareWatch> Watches { get; set; } = new(StringComparer.Ordinal);
}
