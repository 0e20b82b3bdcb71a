namespace Ops.Contracts.Users;

/// <summary>A user without secrets.</summary>
[GenerateSerializer, Immutable, Alias("ops.user-view")]
public sealed record UserView
{
    [Id(0)] public required string Username { get; init; }
    [Id(1)] public required string Role { get; init; }
    [Id(2)] public string? DisplayName { get; init; }
    [Id(3)] public IReadOnlyList<string> Sites { get; init; } = [];
}
