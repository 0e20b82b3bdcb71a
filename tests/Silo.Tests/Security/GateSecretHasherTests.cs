using System.Security.Cryptography;
using Ops.Contracts.Security;
using Ops.Silo.Gates;
using Xunit;

namespace Ops.Silo.Tests.Security;

public sealed class GateSecretHasherTests
{
    private readonly GateSecretHasher hasher = new(RandomNumberGenerator.GetBytes(GateSecretHasher.KeyBytes));
    private readonly string secret = GateSecretHasher.NewSecret();

    [Fact]
    public void The_hashed_secret_verifies()
    {
        Assert.True(hasher.Verify(secret, hasher.Hash(secret)));
    }

    [Fact]
    public void A_wrong_secret_does_not_verify()
    {
        var stored = hasher.Hash(secret);

        Assert.False(hasher.Verify(secret + "x", stored));
        Assert.False(hasher.Verify(secret[..^1], stored));
        Assert.False(hasher.Verify("", stored));
        Assert.False(hasher.Verify(GateSecretHasher.NewSecret(), stored));
    }

    [Fact]
    public void A_hash_made_with_another_key_does_not_verify()
    {
        var other = new GateSecretHasher(RandomNumberGenerator.GetBytes(GateSecretHasher.KeyBytes));

        Assert.False(hasher.Verify(secret, other.Hash(secret)));
        Assert.False(other.Verify(secret, hasher.Hash(secret)));
    }

    [Fact]
    public void The_same_key_and_secret_give_the_same_hash_wherever_it_is_made()
    {
        var key = RandomNumberGenerator.GetBytes(GateSecretHasher.KeyBytes);

        // Another silo with the same key file verifies what this one stored.
        Assert.True(new GateSecretHasher(key).Verify(secret, new GateSecretHasher(key).Hash(secret)));
    }

    [Fact]
    public void The_stored_form_names_its_algorithm_and_version()
    {
        var stored = hasher.Hash(secret);

        Assert.Matches("^hmac-sha256\\$v1\\$[A-Za-z0-9+/]{43}=$", stored);
        Assert.True(GateSecretHasher.IsCurrent(stored));
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pbkdf2_hash_from_before_still_verifies_and_is_not_current()
    {
        var stored = SecretHasher.Hash(secret);

        Assert.True(hasher.Verify(secret, stored));
        Assert.False(hasher.Verify(secret + "x", stored));
        Assert.False(GateSecretHasher.IsCurrent(stored));
    }

    [Fact]
    public void A_hash_differing_in_any_one_byte_refuses_the_secret()
    {
        // Verify compares with CryptographicOperations.FixedTimeEquals (no early exit); what a test can check
        // reliably is that no position of the digest is skipped.
        var digest = Convert.FromBase64String(hasher.Hash(secret)["hmac-sha256$v1$".Length..]);
        for (var i = 0; i < digest.Length; i++)
        {
            var changed = (byte[])digest.Clone();
            changed[i] ^= 0x01;
            Assert.False(hasher.Verify(secret, "hmac-sha256$v1$" + Convert.ToBase64String(changed)), $"byte {i}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hmac-sha256$v1$")]
    [InlineData("hmac-sha256$v1$not base64!")]
    [InlineData("hmac-sha256$v1$AAAA")]
    [InlineData("hmac-sha256$v1$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hmac-sha256$v2$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("sha256$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void A_malformed_or_unknown_stored_hash_accepts_no_secret(string? stored)
    {
        Assert.False(hasher.Verify(secret, stored));
        Assert.False(hasher.Verify("", stored));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new GateSecretHasher(new byte[16]));
    }

    [Fact]
    public void New_secrets_carry_256_random_bits_url_safe_and_never_repeat()
    {
        var first = GateSecretHasher.NewSecret();
        var second = GateSecretHasher.NewSecret();

        Assert.NotEqual(first, second);
        // 43 base64url characters without padding are 32 bytes.
        Assert.Equal(43, first.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.Equal(32, Convert.FromBase64String(first.Replace('-', '+').Replace('_', '/') + "=").Length);
    }
}
