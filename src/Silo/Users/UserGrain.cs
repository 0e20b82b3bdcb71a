using Microsoft.Extensions.Logging;
using Ops.Contracts.Users;
using Ops.Silo.Security;
using Ops.Silo.Storage;

namespace Ops.Silo.Users;

public sealed class UserGrain(
    [PersistentState("user", GrainStorage.Name)] IPersistentState<UserState> state, ILogger<UserGrain> logger)
    : Grain, IUserGrain
{
    /// <summary>Users stored before the directory existed join it when they are next used (sign-in).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.PasswordHash is null)
            return;
        try
        {
            await Directory.UpsertAsync(View());
        }
        catch (Exception exception)
        {
            // Signing in must not depend on the directory; the next activation or set tries again.
            logger.LogWarning(exception, "Could not list user {Username} in the user directory", this.GetPrimaryKeyString());
        }
    }

    private IUserDirectoryGrain Directory => GrainFactory.GetGrain<IUserDirectoryGrain>(0);

    public async Task<UserView> SetAsync(UserSpec spec)
    {
        state.State.PasswordHash = SecretHasher.Hash(spec.Password);
        state.State.Role = spec.Role;
        state.State.DisplayName = spec.DisplayName;
        state.State.Sites = [.. spec.Sites];
        await state.WriteStateAsync();
        var view = View();
        await Directory.UpsertAsync(view);
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
