using Ops.Contracts.Gates;
using Ops.Contracts.Security;
using Ops.Silo.Gates;
using Orleans;
using Xunit;

namespace Ops.Silo.Tests.Gates;

/// <summary>docs/api.md <c>PUT .../gates/{gateId}</c> and the gate's CONNECT (docs/gate-protocol.md): provisioning and the gate's MQTT secret.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GateProvisioningTests(ClusterFixture cluster)
{
    // The name GateGrain gives its [PersistentState].
    private const string StateName = "gate";

    private readonly TestSite site = new(cluster.Client);

    [Fact]
    public async Task Creating_a_gate_issues_credentials_named_after_its_site_and_gate()
    {
        var provisioned = await site.ProvisionGateAsync("north");

        var mqtt = Assert.IsType<MqttCredentials>(provisioned.Mqtt);
        Assert.Equal($"{site.SiteId}/north", mqtt.Username);
        Assert.True(mqtt.Password.Length >= 32, "a gate's password is a long random secret");
    }

    [Fact]
    public async Task A_created_gate_shows_what_it_was_provisioned_with()
    {
        var provisioned = await site.Gate("north").ProvisionAsync(TestSite.PedestrianGate(openSeconds: 8), rotateSecret: false);
        var stored = await site.Gate("north").GetAsync();

        foreach (var view in new[] { provisioned.Gate, Assert.IsType<GateView>(stored) })
        {
            Assert.Equal(site.SiteId, view.SiteId);
            Assert.Equal("north", view.GateId);
            Assert.Equal("North entrance", view.Name);
            Assert.Equal(GateKind.Pedestrian, view.Kind);
            Assert.Equal(Direction.Both, view.Direction);
            Assert.Equal("3", view.Building);
            Assert.Equal(8, view.OpenSeconds);
        }
    }

    [Fact]
    public async Task A_gate_without_a_name_is_named_by_its_id()
    {
        var provisioned = await site.Gate("east-2").ProvisionAsync(TestSite.PedestrianGate() with { Name = null }, rotateSecret: false);

        Assert.Equal("east-2", provisioned.Gate.Name);
    }

    [Fact]
    public async Task A_gate_that_was_never_provisioned_is_not_there()
    {
        Assert.Null(await site.Gate("ghost").GetAsync());
    }

    [Fact]
    public async Task Updating_a_gate_without_rotating_issues_no_credentials_and_keeps_the_password()
    {
        var created = await site.ProvisionGateAsync("north");

        var updated = await site.Gate("north").ProvisionAsync(TestSite.PedestrianGate(openSeconds: 12), rotateSecret: false);

        Assert.Null(updated.Mqtt);
        Assert.Equal(12, updated.Gate.OpenSeconds);
        Assert.Equal(12, (await site.Gate("north").GetAsync())?.OpenSeconds);
        Assert.True(await site.Gate("north").VerifySecretAsync(created.Mqtt!.Password));
    }

    [Fact]
    public async Task Rotating_the_secret_issues_new_credentials()
    {
        var created = await site.ProvisionGateAsync("north");

        var rotated = await site.Gate("north").ProvisionAsync(TestSite.PedestrianGate(), rotateSecret: true);

        var mqtt = Assert.IsType<MqttCredentials>(rotated.Mqtt);
        Assert.Equal($"{site.SiteId}/north", mqtt.Username);
        Assert.NotEqual(created.Mqtt!.Password, mqtt.Password);
    }

    [Fact]
    public async Task The_issued_password_verifies()
    {
        var created = await site.ProvisionGateAsync("north");

        Assert.True(await site.Gate("north").VerifySecretAsync(created.Mqtt!.Password));
    }

    [Fact]
    public async Task A_wrong_password_does_not_verify()
    {
        var created = await site.ProvisionGateAsync("north");

        Assert.False(await site.Gate("north").VerifySecretAsync(created.Mqtt!.Password + "x"));
        Assert.False(await site.Gate("north").VerifySecretAsync(""));
    }

    [Fact]
    public async Task After_rotation_only_the_new_password_verifies()
    {
        var created = await site.ProvisionGateAsync("north");
        var rotated = await site.Gate("north").ProvisionAsync(TestSite.PedestrianGate(), rotateSecret: true);

        Assert.False(await site.Gate("north").VerifySecretAsync(created.Mqtt!.Password));
        Assert.True(await site.Gate("north").VerifySecretAsync(rotated.Mqtt!.Password));
    }

    [Fact]
    public async Task One_gates_password_does_not_open_another_gate()
    {
        var north = await site.ProvisionGateAsync("north");
        var south = await site.ProvisionGateAsync("south");

        Assert.NotEqual(north.Mqtt!.Password, south.Mqtt!.Password);
        Assert.False(await site.Gate("south").VerifySecretAsync(north.Mqtt.Password));
    }

    [Fact]
    public async Task A_gate_that_was_never_provisioned_accepts_no_password()
    {
        Assert.False(await site.Gate("ghost").VerifySecretAsync(""));
        Assert.False(await site.Gate("ghost").VerifySecretAsync("anything"));
    }

    [Fact]
    public async Task Provisioning_stores_the_secret_only_as_its_keyed_hash()
    {
        var created = await site.ProvisionGateAsync("north");

        var stored = (await StoredAsync(site.Gate("north"))).SecretHash;
        Assert.True(GateSecretHasher.IsCurrent(stored), stored);
        Assert.DoesNotContain(created.Mqtt!.Password, stored!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_the_secret_replaces_its_stored_hash()
    {
        await site.ProvisionGateAsync("north");
        var before = (await StoredAsync(site.Gate("north"))).SecretHash;

        await site.Gate("north").ProvisionAsync(TestSite.PedestrianGate(), rotateSecret: true);

        var after = (await StoredAsync(site.Gate("north"))).SecretHash;
        Assert.True(GateSecretHasher.IsCurrent(after), after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task A_gate_stored_with_a_pbkdf2_hash_still_logs_in_and_its_hash_is_upgraded_once()
    {
        var secret = GateSecretHasher.NewSecret();
        var gate = await OldGateAsync("legacy", secret);

        Assert.True(await gate.VerifySecretAsync(secret));

        var upgraded = (await StoredAsync(gate)).SecretHash;
        Assert.True(GateSecretHasher.IsCurrent(upgraded), upgraded);
        Assert.True(await gate.VerifySecretAsync(secret));
        Assert.Equal(upgraded, (await StoredAsync(gate)).SecretHash);
        // What was written is what a later activation (a silo restart) reads.
        await cluster.DeactivateAsync(gate);
        Assert.True(await gate.VerifySecretAsync(secret));
        Assert.False(await gate.VerifySecretAsync(secret + "x"));
    }

    [Fact]
    public async Task A_wrong_password_neither_verifies_against_a_pbkdf2_hash_nor_upgrades_it()
    {
        var secret = GateSecretHasher.NewSecret();
        var gate = await OldGateAsync("legacy", secret);
        var old = (await StoredAsync(gate)).SecretHash;

        Assert.False(await gate.VerifySecretAsync(secret + "x"));
        Assert.False(await gate.VerifySecretAsync(""));

        Assert.Equal(old, (await StoredAsync(gate)).SecretHash);
    }

    [Fact]
    public async Task Rotating_the_secret_of_a_gate_stored_with_a_pbkdf2_hash_ends_the_old_secret()
    {
        var secret = GateSecretHasher.NewSecret();
        var gate = await OldGateAsync("legacy", secret);

        var rotated = await gate.ProvisionAsync(TestSite.PedestrianGate(), rotateSecret: true);

        Assert.False(await gate.VerifySecretAsync(secret));
        Assert.True(await gate.VerifySecretAsync(rotated.Mqtt!.Password));
        Assert.True(GateSecretHasher.IsCurrent((await StoredAsync(gate)).SecretHash));
    }

    [Fact]
    public async Task Events_a_gate_remembered_in_its_state_before_it_had_a_log_are_still_answered_the_same()
    {
        var gate = site.Gate("remembering");
        var command = new GateCommand { CommandId = "c-old", InReplyTo = "e-old", Action = GateActions.Open, Reason = Reasons.GrantedResident };
        var old = new GateState { Spec = TestSite.PedestrianGate(), SecretHash = "x", Recent = [new ProcessedEvent("e-old", command)] };
        await cluster.Storage.WriteStateAsync(StateName, gate.GetGrainId(), new GrainState<GateState>(old));

        var outcome = await gate.HandleEventAsync(TestSite.CardSwiped("04A1B2C3", eventId: "e-old"));

        Assert.Equal("c-old", outcome.Command?.CommandId);
    }

    /// <summary>A gate as a hub from before the keyed hash stored it: its secret under PBKDF2.</summary>
    private async Task<IGateGrain> OldGateAsync(string gateId, string secret)
    {
        var gate = site.Gate(gateId);
        var old = new GateState { Spec = TestSite.PedestrianGate(), SecretHash = SecretHasher.Hash(secret) };
        await cluster.Storage.WriteStateAsync(StateName, gate.GetGrainId(), new GrainState<GateState>(old));
        return gate;
    }

    private async Task<GateState> StoredAsync(IGateGrain gate)
    {
        var stored = new GrainState<GateState>(new GateState());
        await cluster.Storage.ReadStateAsync(StateName, gate.GetGrainId(), stored);
        return stored.State ?? throw new InvalidOperationException("The gate stored no state.");
    }
}
