using System.Security.Cryptography;

namespace Ops.Silo.Security;

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
            || !int.TryParse(iterationText, out var iterations))
            return false;
        var expected = Convert.FromBase64String(hashText);
        var actual = Rfc2898DeriveBytes.Pbkdf2(secret, Convert.FromBase64String(saltText), iterations,
            HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A new random secret of 32 bytes, URL-safe, for a gate's MQTT password.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
