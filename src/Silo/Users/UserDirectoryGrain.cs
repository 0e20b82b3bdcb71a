using Ops.Contracts.Users;
using Ops.Silo.Storage;

namespace Ops.Silo.Users;

public sealed class UserDirectoryGrain(
    [PersistentState("user-directory", GrainStorage.Name)] IPersistentState<UserDirectoryState> state)
    : Grain, IUserDirectoryGrain
{
    public async Task UpsertAsync(UserView user)
    {
        if (state.State.Users.TryGetValue(user.Username, out var known) && Same(known, user))
            return;
        // [Immutable] views are passed by reference within a silo: keep a list of our own.
        state.State.Users[user.Username] = user with { Sites = [.. user.Sites] };
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<UserView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<UserView>>([.. state.State.Users.Values]);

    public Task<IReadOnlyList<UserView>> ListSiteAsync(string siteId) => Task.FromResult<IReadOnlyList<UserView>>(
        [.. state.State.Users.Values.Where(user => user.Role == Roles.Admin || user.Sites.Contains(siteId))]);

    // Record equality compares the list of sites by reference; a repeated set with the same values writes nothing.
    private static bool Same(UserView a, UserView b) =>
        a.Role == b.Role && a.DisplayName == b.DisplayName && a.Sites.SequenceEqual(b.Sites);
}
