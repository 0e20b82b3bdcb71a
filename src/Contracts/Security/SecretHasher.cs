using System.Security.Cryptography;

namespace Ops.Contracts.Security;

/// <summary>Salted PBKDF2-SHA256 hashes for passwords and gate secrets, stored as
/// <c>pbkdf2-sha256${iterations}${salt}${hash}</c>.</summary>
public static class SecretHasher
{
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string secret, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not ["pbkdf2-sha256", var iterationText, var saltText, var hashText]
            || !int.TryParse(iterationText, out var iterations) || iterations <= 0)
            return false;
        var salt = new byte[saltText.Length];
        var expected = new byte[hashText.Length];
        if (!Convert.TryFromBase64String(saltText, salt, out var saltLength) || saltLength == 0
            || !Convert.TryFromBase64String(hashText, expected, out var hashLength) || hashLength != HashBytes)
            return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(secret, salt.AsSpan(0, saltLength), iterations,
            HashAlgorithmName.SHA256, HashBytes);
        return CryptographicOperations.FixedTimeEquals(actual, expected.AsSpan(0, hashLength));
    }

    /// <summary>A new random secret of 32 bytes, URL-safe, for a gate's MQTT password.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
