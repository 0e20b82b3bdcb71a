namespace Ops.Dashboard.Auth;

/// <summary>Authorisation policies by role (docs/api.md).</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Operator = "operator";
}
