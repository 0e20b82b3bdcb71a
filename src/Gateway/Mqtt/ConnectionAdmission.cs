using System.Net;

namespace Ops.Gateway.Mqtt;

/// <summary>Overall limits on the broker's TCP connections: how many may be open at all, and how many
/// one source may hold open before they have sent CONNECT (those are closed after the connect timeout
/// anyway, but a source must not fill the broker meanwhile).</summary>
public sealed class ConnectionAdmission(int maxConnections, int maxWaitingPerSource)
{
    private readonly Lock sync = new();
    private readonly Dictionary<IPAddress, int> waiting = [];
    private int open;

    public int Open
    {
        get
        {
            lock (sync)
                return open;
        }
    }

    /// <summary>Admits a new connection from the source, or says it must be closed at once.</summary>
    public bool TryOpen(IPAddress source)
    {
        source = Normalise(source);
        lock (sync)
        {
            var fromSource = waiting.GetValueOrDefault(source);
            if (open >= maxConnections || fromSource >= maxWaitingPerSource)
                return false;
            open++;
            waiting[source] = fromSource + 1;
            return true;
        }
    }

    /// <summary>The connection sent its CONNECT: it no longer counts as waiting.</summary>
    public void Connected(IPAddress source)
    {
        lock (sync)
            Release(Normalise(source));
    }

    public void Closed(IPAddress source, bool connected)
    {
        lock (sync)
        {
            open--;
            if (!connected)
                Release(Normalise(source));
        }
    }

    private void Release(IPAddress source)
    {
        var left = waiting.GetValueOrDefault(source) - 1;
        if (left > 0)
            waiting[source] = left;
        else
            waiting.Remove(source);
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
