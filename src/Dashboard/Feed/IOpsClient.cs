using Ops.Contracts.Feed;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;

namespace Ops.Dashboard.Feed;

/// <summary>What the hub pushes to live screens and phones (docs/api.md, live updates). The method names are the
/// wire names of the contract, which clients may match case-sensitively.</summary>
#pragma warning disable IDE1006 // camelCase on purpose: these are the contract's method names.
public interface IOpsClient
{
    Task events(IReadOnlyList<EventView> events);

    Task situationChanged(SituationView situation);

    Task gateChanged(GateView gate);
}
#pragma warning restore IDE1006
