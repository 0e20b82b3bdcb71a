namespace Ops.Contracts.Users;

/// <summary>The roles of docs/api.md.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Staff = "staff";

    public static bool IsKnown(string? role) => role is Admin or Operator or Staff;
}
