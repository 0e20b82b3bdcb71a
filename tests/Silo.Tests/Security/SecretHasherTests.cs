using Ops.Contracts.Security;
using Xunit;

namespace Ops.Silo.Tests.Security;

public sealed class SecretHasherTests
{
    private const string Secret = "correct horse battery staple";

    [Fact]
    public void The_hashed_secret_verifies()
    {
        Assert.True(SecretHasher.Verify(Secret, SecretHasher.Hash(Secret)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("correct horse battery stapl")]
    [InlineData("correct horse battery staple ")]
    [InlineData("Correct horse battery staple")]
    public void Any_other_secret_does_not_verify(string other)
    {
        Assert.False(SecretHasher.Verify(other, SecretHasher.Hash(Secret)));
    }

    [Fact]
    public void Two_hashes_of_the_same_secret_differ_because_each_has_its_own_salt()
    {
        var first = SecretHasher.Hash(Secret);
        var second = SecretHasher.Hash(Secret);

        Assert.NotEqual(first, second);
        Assert.True(SecretHasher.Verify(Secret, first));
        Assert.True(SecretHasher.Verify(Secret, second));
    }

    [Fact]
    public void The_stored_hash_names_its_scheme_and_does_not_contain_the_secret()
    {
        var stored = SecretHasher.Hash(Secret);

        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_hash_with_a_changed_digest_does_not_verify()
    {
        var parts = SecretHasher.Hash(Secret).Split('$');
        var digest = Convert.FromBase64String(parts[3]);
        digest[0] ^= 0x01;
        parts[3] = Convert.ToBase64String(digest);

        Assert.False(SecretHasher.Verify(Secret, string.Join('$', parts)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("correct horse battery staple")]
    [InlineData("pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("pbkdf2-sha256$many$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("md5$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$x")]
    public void A_malformed_stored_hash_does_not_verify(string? stored)
    {
        Assert.False(SecretHasher.Verify(Secret, stored));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$100000$not base64!$not base64!")]
    [InlineData("pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$-1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void A_stored_hash_with_bad_base64_or_iterations_is_refused_rather_than_thrown(string stored)
    {
        Assert.False(SecretHasher.Verify(Secret, stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("anything")]
    public void A_stored_hash_with_an_empty_digest_accepts_no_secret(string secret)
    {
        Assert.False(SecretHasher.Verify(secret, "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$"));
    }
}
