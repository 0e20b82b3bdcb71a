using System.Net;
using System.Net.Sockets;

namespace Ops.Tests.Shared;

/// <summary>Ports for servers the tests start. Taken below Linux's ephemeral range (32768 and up), where the
/// outgoing connections of every process on the machine take theirs: a port the system hands out for
/// listening (port 0) is free only at that moment and can be taken by such a connection before the server
/// binds it. Each port is given once per test process and is free when given.</summary>
public static class FreePorts
{
    private const int First = 20000;
    private const int End = 32000;
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, End);
                if (Given.Contains(port) || !Bindable(port))
                    continue;
                Given.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {End}.");
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
