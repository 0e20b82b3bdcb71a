namespace Ops.Contracts.Users;

/// <summary>What a dashboard needs to check a sign-in itself: the user, the salted slow hash of their
/// password and the stamp their tokens must carry. It stays within the cluster and is never answered over HTTP.</summary>
[GenerateSerializer, Immutable, Alias("ops.user-credentials")]
public sealed record UserCredentials
{
    [Id(0)] public required UserView User { get; init; }
    [Id(1)] public required string PasswordHash { get; init; }
    [Id(2)] public required string Stamp { get; init; }
}
