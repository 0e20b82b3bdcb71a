using Ops.Contracts.Sites;

namespace Ops.Contracts.Gates;

/// <summary>One gate, keyed <c>{siteId}/{gateId}</c>: its provisioning, its credentials and the
/// standard procedure for every event it sends.</summary>
[Alias("ops.gate-grain")]
public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the gate; issues a new MQTT secret on creation or when asked.</summary>
    [Alias("provision")]
    Task<GateProvisioned> ProvisionAsync(GateSpec spec, bool rotateSecret);

    /// <summary>The gate, or null when it was never provisioned. Interleaves (as do <see cref="WakeAsync"/>
    /// and <see cref="SiteChangedAsync"/>): the site calls them while a gate may be calling the site.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("get")]
    Task<GateView?> GetAsync();

    [Alias("verify-secret")]
    Task<bool> VerifySecretAsync(string password);

    /// <summary>Applies the gate procedure to one event. A redelivered event (same eventId)
    /// gets the stored outcome again and counts once.</summary>
    [Alias("handle-event")]
    Task<EventOutcome> HandleEventAsync(GateEvent gateEvent);

    /// <summary>An operator opens the gate from the control room; audited.</summary>
    [Alias("open-remotely")]
    Task<RemoteOpen> OpenRemotelyAsync(string by, string reason);

    /// <summary>The gate's audit trail: remote opens and failed commands, newest last.</summary>
    [Alias("audit"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<Situations.HistoryEntry>> AuditAsync();

    [Alias("handle-status")]
    Task HandleStatusAsync(GateStatus status);

    /// <summary>Activates the gate so that its health check runs after a restart.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("wake")]
    Task WakeAsync();

    /// <summary>Tells the gate its site's configuration changed.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("site-changed")]
    Task SiteChangedAsync(SiteConfig config);
}
