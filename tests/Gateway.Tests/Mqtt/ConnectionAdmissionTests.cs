using System.Net;
using Ops.Gateway.Mqtt;

namespace Ops.Gateway.Tests.Mqtt;

public sealed class ConnectionAdmissionTests
{
    private static readonly IPAddress One = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Two = IPAddress.Parse("192.0.2.2");

    [Fact]
    public void A_source_may_hold_only_so_many_connections_that_have_not_sent_connect()
    {
        var admission = new ConnectionAdmission(maxConnections: 100, maxWaitingPerSource: 2);
        Assert.True(admission.TryOpen(One));
        Assert.True(admission.TryOpen(One));
        Assert.False(admission.TryOpen(One));
        Assert.True(admission.TryOpen(Two));

        admission.Connected(One);
        Assert.True(admission.TryOpen(One));
        Assert.False(admission.TryOpen(One));

        admission.Closed(One, connected: false);
        Assert.True(admission.TryOpen(One));
    }

    [Fact]
    public void No_more_than_the_maximum_is_open_at_once()
    {
        var admission = new ConnectionAdmission(maxConnections: 2, maxWaitingPerSource: 10);
        Assert.True(admission.TryOpen(One));
        admission.Connected(One);
        Assert.True(admission.TryOpen(Two));
        Assert.False(admission.TryOpen(Two));
        Assert.Equal(2, admission.Open);

        admission.Closed(One, connected: true);
        Assert.True(admission.TryOpen(Two));
    }
}
