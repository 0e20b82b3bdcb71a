namespace Ops.Gateway.Validation;

/// <summary>Either a valid message or the reason it was refused.</summary>
public sealed record Validated<T>(T? Value, Reject? Reject) where T : class
{
    public static implicit operator Validated<T>(T value) => new(value, null);

    public static implicit operator Validated<T>(Reject reject) => new(null, reject);
}
