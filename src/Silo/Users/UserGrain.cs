using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Ops.Contracts.Security;
using Ops.Contracts.Users;
using Ops.Silo.Storage;

namespace Ops.Silo.Users;

public sealed class UserGrain(
    [PersistentState("user", GrainStorage.Name)] IPersistentState<UserState> state, ILogger<UserGrain> logger)
    : Grain, IUserGrain
{
    /// <summary>Users stored before the directory existed join it when they are next used (sign-in);
    /// users stored before stamps existed get one, so tokens issued without a stamp are refused.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.PasswordHash is null)
            return;
        if (state.State.Stamp is null)
        {
            state.State.Stamp = NewStamp();
            await state.WriteStateAsync();
        }
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
        // The same password set again (as OPS_ADMIN_PASSWORD is at every start) keeps its hash and the stamp.
        var samePassword = SecretHasher.Verify(spec.Password, state.State.PasswordHash);
        var hash = samePassword ? state.State.PasswordHash! : SecretHasher.Hash(spec.Password);
        var changed = !samePassword || state.State.Role != spec.Role || !state.State.Sites.SequenceEqual(spec.Sites);
        if (changed || state.State.DisplayName != spec.DisplayName || state.State.Stamp is null)
        {
            // Assigned together with no await in between: the interleaved reads see the old user or the new one.
            state.State.PasswordHash = hash;
            state.State.Role = spec.Role;
            state.State.DisplayName = spec.DisplayName;
            state.State.Sites = [.. spec.Sites];
            if (changed || state.State.Stamp is null)
                state.State.Stamp = NewStamp();
            await state.WriteStateAsync();
        }
        var view = View();
        await Directory.UpsertAsync(view);
        return view;
    }

    public Task<UserCredentials?> GetCredentialsAsync() => Task.FromResult(
        state.State is { PasswordHash: { } hash, Stamp: { } stamp }
            ? new UserCredentials { User = View(), PasswordHash = hash, Stamp = stamp }
            : null);

    public Task<string?> GetStampAsync() =>
        Task.FromResult(state.State.PasswordHash is null ? null : state.State.Stamp);

    public Task<UserView?> GetAsync() =>
        Task.FromResult(state.State.PasswordHash is null ? null : View());

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    private UserView View() => new()
    {
        Username = this.GetPrimaryKeyString(),
        Role = state.State.Role,
        DisplayName = state.State.DisplayName,
        Sites = state.State.Sites,
    };
}
