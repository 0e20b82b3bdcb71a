using Ops.Contracts.Care;
using Ops.Contracts.Gates;
using Ops.Contracts.Residents;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Sites;

public sealed class SiteGrain(
    [PersistentState("site", GrainStorage.Name)] IPersistentState<SiteState> state,
    StateStore store) : Grain, ISiteGrain
{
    private IdSetLog gates = null!;

    private string SiteId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        gates = new IdSetLog(store, "site-gates", SiteId);
        await gates.LoadAsync(state.State.GateIds);
    }

    public async Task<SiteConfig> ConfigureAsync(SiteConfig config)
    {
        state.State.Config = config;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISiteDirectoryGrain>(0).UpsertAsync(new SiteSummary(SiteId, config.Name));
        // Gates keep the site's settings they decide with, the situations index its SLA: tell each one.
        await Task.WhenAll(gates.Ids.Select(gateId =>
            GrainFactory.GetGrain<IGateGrain>(new GateAddress(SiteId, gateId).Key).SiteChangedAsync(config))
            .Append(GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId).SiteChangedAsync(config)));
        return config;
    }

    public Task<SiteConfig?> GetConfigAsync() => Task.FromResult(state.State.Config);

    public Task AddGateAsync(string gateId) => gates.AddAsync(gateId);

    public async Task<IReadOnlyList<GateView>> ListGatesAsync()
    {
        var views = await Task.WhenAll(gates.Ids.Select(gateId =>
            GrainFactory.GetGrain<IGateGrain>(new GateAddress(SiteId, gateId).Key).GetAsync()));
        return [.. views.OfType<GateView>()];
    }

    public Task WakeAsync() => Task.WhenAll(gates.Ids
        .Select(gateId => GrainFactory.GetGrain<IGateGrain>(new GateAddress(SiteId, gateId).Key).WakeAsync())
        .Append(GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId).WakeAsync())
        .Append(GrainFactory.GetGrain<ICareWatchGrain>(SiteId).WakeAsync())
        .Append(GrainFactory.GetGrain<IResidentDirectoryGrain>(SiteId).WakeAsync()));
}
