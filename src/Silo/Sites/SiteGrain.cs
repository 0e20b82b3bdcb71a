using Ops.Contracts.Care;
using Ops.Contracts.Gates;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Sites;

public sealed class SiteGrain(
    [PersistentState("site", GrainStorage.Name)] IPersistentState<SiteState> state) : Grain, ISiteGrain
{
    private string SiteId => this.GetPrimaryKeyString();

    public async Task<SiteConfig> ConfigureAsync(SiteConfig config)
    {
        state.State.Config = config;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISiteDirectoryGrain>(0).UpsertAsync(new SiteSummary(SiteId, config.Name));
        // Gates keep the site's settings they decide with; tell each one.
        await Task.WhenAll(state.State.GateIds.Select(gateId =>
            GrainFactory.GetGrain<IGateGrain>(new GateAddress(SiteId, gateId).Key).SiteChangedAsync(config)));
        return config;
    }

    public Task<SiteConfig?> GetConfigAsync() => Task.FromResult(state.State.Config);

    public async Task AddGateAsync(string gateId)
    {
        if (state.State.GateIds.Add(gateId))
            await state.WriteStateAsync();
    }

    public async Task<IReadOnlyList<GateView>> ListGatesAsync()
    {
        var gates = await Task.WhenAll(state.State.GateIds.Select(gateId =>
            GrainFactory.GetGrain<IGateGrain>(new GateAddress(SiteId, gateId).Key).GetAsync()));
        return [.. gates.OfType<GateView>()];
    }

    public Task WakeAsync() => Task.WhenAll(state.State.GateIds
        .Select(gateId => GrainFactory.GetGrain<IGateGrain>(new GateAddress(SiteId, gateId).Key).WakeAsync())
        .Append(GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId).WakeAsync())
        .Append(GrainFactory.GetGrain<ICareWatchGrain>(SiteId).WakeAsync()));

    public async Task AddResidentAsync(string residentId)
    {
        if (state.State.ResidentIds.Add(residentId))
            await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListResidentIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.ResidentIds]);
}
