using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Orleans.Concurrency;

namespace Ops.Contracts.Feed;

/// <summary>Collects pushes on each silo and forwards them in batches, so a busy site costs one
/// push per batch rather than one per change.</summary>
[Alias("ops.feed-batcher")]
public interface IFeedBatcherGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("publish")]
    Task PublishAsync(EventView entry);

    [OneWay, Alias("publish-situation")]
    Task PublishSituationAsync(SituationView situation);

    [OneWay, Alias("publish-gate")]
    Task PublishGateAsync(GateView gate);
}
