namespace Ops.Gateway.Validation;

public static class RejectReasons
{
    public const string InvalidJson = "invalid-json";
    public const string UnknownType = "unknown-type";
    public const string TooLarge = "too-large";
    public const string ClockSkew = "clock-skew";

    public static string InvalidField(string name) => $"invalid-field:{name}";
}
