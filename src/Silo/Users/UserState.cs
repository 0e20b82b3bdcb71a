namespace Ops.Silo.Users;

[GenerateSerializer, Alias("ops.user-state")]
public sealed class UserState
{
    [Id(0)] public string? PasswordHash { get; set; }
    [Id(1)] public string Role { get; set; } = "";
    [Id(2)] public string? DisplayName { get; set; }
    [Id(3)] public List<string> Sites { get; set; } = [];

    /// <summary>Changes with the password, role or sites; tokens carry it, so a change ends the older ones.</summary>
    [Id(4)] public string? Stamp { get; set; }
}
