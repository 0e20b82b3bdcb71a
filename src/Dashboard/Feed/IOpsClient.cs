using Ops.Contracts.Feed;

namespace Ops.Dashboard.Feed;

/// <summary>What the hub pushes to live screens and phones (CONTRACT §7).</summary>
public interface IOpsClient
{
    Task Events(IReadOnlyList<EventView> events);
}
