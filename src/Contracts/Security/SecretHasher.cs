using System.Security.Cryptography;

namespace Ops.Contracts.Security;

/// <summary>Salted PBKDF2-SHA256 hashes for people's passwords, stored as
/// <c>pbkdf2-sha256${iterations}${salt}${hash}</c>. Gate secrets stored before their own (keyed, fast) hash
/// existed are in this form too, until the gate's next login replaces them.</summary>
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
}
