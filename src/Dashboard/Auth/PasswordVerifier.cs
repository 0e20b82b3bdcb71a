using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Ops.Contracts.Security;

namespace Ops.Dashboard.Auth;

/// <summary>Checks a password against its stored slow hash in this process, a bounded number at once so a
/// flood cannot take every core. A user that does not exist is checked against a dummy hash of the same
/// cost, so the answer takes as long and does not tell which user names exist.</summary>
public sealed class PasswordVerifier : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly string dummyHash = SecretHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public PasswordVerifier(IOptions<SignInOptions> options)
    {
        var concurrency = options.Value.ConcurrentVerifications > 0 ? options.Value.ConcurrentVerifications : Environment.ProcessorCount;
        slots = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>Whether the password matches the hash; false for a missing hash, after the same work.</summary>
    public async Task<bool> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            // Off the request's thread: the hash takes tens of milliseconds of CPU.
            return await Task.Run(() => Verify(password, passwordHash), cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private bool Verify(string password, string? passwordHash)
    {
        if (passwordHash is not null)
            return SecretHasher.Verify(password, passwordHash);
        // The result of the dummy check is ignored; only its cost matters.
        SecretHasher.Verify(password, dummyHash);
        return false;
    }

    public void Dispose() => slots.Dispose();
}
