namespace Ops.Contracts.Users;

/// <summary>A user as an admin sets it (body of <c>PUT /api/users/{username}</c>).</summary>
[GenerateSerializer, Immutable, Alias("ops.user-spec")]
public sealed record UserSpec
{
    [Id(0)] public string Password { get; init; } = "";
    [Id(1)] public string Role { get; init; } = "";
    [Id(2)] public string? DisplayName { get; init; }
    [Id(3)] public IReadOnlyList<string> Sites { get; init; } = [];
}
