using Ops.Contracts.Gates;
using Xunit;

namespace Ops.Silo.Tests.Gates;

/// <summary>docs/api.md <c>PUT .../gates/{gateId}</c> and the gate's CONNECT (docs/gate-protocol.md): provisioning and the gate's MQTT secret.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GateProvisioningTests(ClusterFixture cluster)
{
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
}
