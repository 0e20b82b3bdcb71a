using Ops.Contracts.Users;
using Ops.Silo.Security;
using Ops.Silo.Storage;

namespace Ops.Silo.Users;

public sealed class UserGrain(
    [PersistentState("user", GrainStorage.Name)] IPersistentState<UserState> state) : Grain, IUserGrain
{
    public async Task<UserView> SetAsync(UserSpec spec)
    {
        state.State.PasswordHash = SecretHasher.Hash(spec.Password);
        state.State.Role = spec.Role;
        state.State.DisplayName = spec.DisplayName;
        state.State.Sites = [.. spec.Sites];
        await state.WriteStateAsync();
        var view = View();
        await GrainFactory.GetGrain<IUserDirectoryGrain>(0).UpsertAsync(view);
        return view;
    }

    public Task<UserView?> SignInAsync(string password) => Task.FromResult(
        state.State.PasswordHash is not null && SecretHasher.Verify(password, state.State.PasswordHash) ? View() : null);

    public Task<UserView?> GetAsync() =>
        Task.FromResult(state.State.PasswordHash is null ? null : View());

    private UserView View() => new()
    {
        Username = this.GetPrimaryKeyString(),
        Role = state.State.Role,
        DisplayName = state.State.DisplayName,
        Sites = state.State.Sites,
    };
}
