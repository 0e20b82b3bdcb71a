using System.Security.Cryptography;
using System.Text;
using Ops.Contracts.Security;

namespace Ops.Silo.Gates;

/// <summary>Hashes and checks gate secrets: HMAC-SHA256 with the server's gate-secret key, stored as
/// <c>hmac-sha256$v1${hash}</c>. A gate secret is 256 random bits, so guessing it is hopeless whatever the
/// hash; a slow hash would only make every login and provisioning cost tens of milliseconds of CPU. The key
/// keeps a leaked database from being enough to test a secret offline. People's passwords stay with
/// <see cref="SecretHasher"/> (PBKDF2), and so do gate hashes stored before this format, until upgraded.</summary>
public sealed class GateSecretHasher
{
    public const int KeyBytes = 32;
    private const string Prefix = "hmac-sha256$v1$";
    private const int HashBytes = 32;

    private readonly byte[] key;

    public GateSecretHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < KeyBytes)
            throw new ArgumentException($"A gate-secret key must have at least {KeyBytes} bytes.", nameof(key));
        this.key = key.ToArray();
    }

    /// <summary>A new random secret of 32 bytes (256 bits), URL-safe, for a gate's MQTT password. The fast hash
    /// is only as safe as this is unguessable: never issue shorter or chosen secrets.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether the stored hash is in the current form; an older one should be replaced once the
    /// secret has verified.</summary>
    public static bool IsCurrent(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Hash(string secret) => Prefix + Convert.ToBase64String(Mac(secret));

    /// <summary>Checks the secret against a stored hash of either form: the current HMAC, or a PBKDF2 hash
    /// from before it (slow, once per gate until the caller upgrades it).</summary>
    public bool Verify(string secret, string? stored)
    {
        if (stored is null)
            return false;
        if (!IsCurrent(stored))
            return SecretHasher.Verify(secret, stored);
        Span<byte> expected = stackalloc byte[HashBytes + 3];
        if (!Convert.TryFromBase64String(stored[Prefix.Length..], expected, out var length) || length != HashBytes)
            return false;
        // Constant time: how far a guess matches must not show in how long it takes to refuse.
        return CryptographicOperations.FixedTimeEquals(Mac(secret), expected[..HashBytes]);
    }

    private byte[] Mac(string secret) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(secret));
}
