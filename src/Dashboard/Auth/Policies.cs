namespace Ops.Dashboard.Auth;

/// <summary>Authorisation policies by role (CONTRACT §2).</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Operator = "operator";
}
