using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Sites;

public sealed class SiteDirectoryGrain(
    [PersistentState("site-directory", GrainStorage.Name)] IPersistentState<SiteDirectoryState> state)
    : Grain, ISiteDirectoryGrain
{
    public async Task UpsertAsync(SiteSummary site)
    {
        if (state.State.Names.TryGetValue(site.SiteId, out var name) && name == site.Name)
            return;
        state.State.Names[site.SiteId] = site.Name;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SiteSummary>> ListAsync() => Task.FromResult<IReadOnlyList<SiteSummary>>(
        [.. state.State.Names.Select(pair => new SiteSummary(pair.Key, pair.Value))]);
}
