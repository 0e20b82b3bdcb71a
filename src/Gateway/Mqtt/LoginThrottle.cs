using System.Collections.Concurrent;
using System.Net;

namespace Ops.Gateway.Mqtt;

/// <summary>Slows down the sources (remote IP addresses) that send wrong gate passwords, never the gate
/// they name: a gate that knows its secret logs in from elsewhere whatever is sent in its name.
/// A source gets <see cref="FreeFailures"/> wrong passwords; after each further one it must wait, twice
/// as long each time up to <see cref="MaxDelay"/>, and its logins are refused meanwhile without a check.
/// Checks also take turns: one at a time per source, a few at a time overall, so that neither a burst from
/// one source nor many sources can keep the cluster busy (a gate hash stored before the keyed one is still
/// checked with the slow PBKDF2, once).</summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>A source that sent no wrong password for this long starts afresh.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(15);

    private const int MaxSources = 100_000;
    private const int Stripes = 64;
    private const int MaxChecksAtOnce = 4;

    private readonly ConcurrentDictionary<IPAddress, Record> sources = new();

    // One turn per stripe of sources (a source always maps to the same stripe) and a few turns overall.
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly SemaphoreSlim overall = new(MaxChecksAtOnce, MaxChecksAtOnce);

    /// <summary>Whether logins from the source must wait, and how long is left.</summary>
    public bool IsSlowedDown(IPAddress source, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (!sources.TryGetValue(Normalise(source), out var record))
            return false;
        lock (record)
        {
            wait = record.BlockedUntil - time.GetUtcNow();
            return wait > TimeSpan.Zero;
        }
    }

    /// <summary>Wrong passwords counted for the source (0 once it is forgotten).</summary>
    public int FailuresOf(IPAddress source)
    {
        if (!sources.TryGetValue(Normalise(source), out var record))
            return 0;
        lock (record)
            return time.GetUtcNow() - record.LastFailure >= ForgetAfter ? 0 : record.Failures;
    }

    public void Failed(IPAddress source)
    {
        var now = time.GetUtcNow();
        if (sources.Count >= MaxSources)
            Prune(now);
        var record = sources.GetOrAdd(Normalise(source), _ => new Record());
        lock (record)
        {
            if (now - record.LastFailure >= ForgetAfter)
                record.Failures = 0;
            record.Failures++;
            record.LastFailure = now;
            var beyond = record.Failures - FreeFailures;
            if (beyond > 0)
            {
                var delay = FirstDelay * Math.Pow(2, Math.Min(beyond - 1, 16));
                record.BlockedUntil = now + (delay < MaxDelay ? delay : MaxDelay);
            }
        }
    }

    /// <summary>Waits for the source's turn at the check; dispose the result to give it back.</summary>
    public async Task<IDisposable> TakeTurnAsync(IPAddress source, CancellationToken cancellationToken)
    {
        var stripe = stripes[StripeOf(source)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            await overall.WaitAsync(cancellationToken);
        }
        catch
        {
            stripe.Release();
            throw;
        }
        return new Turn(stripe, overall);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, record) in sources)
        {
            bool stale;
            lock (record)
                stale = now - record.LastFailure >= ForgetAfter && record.BlockedUntil <= now;
            if (stale)
                sources.TryRemove(address, out _);
        }
    }

    /// <summary>The stripe whose turn a source takes. Addresses hash with a per-process seed, so which sources share a
    /// stripe (one in 64 of them) differs from one start to the next and cannot be aimed at.</summary>
    internal static int StripeOf(IPAddress source) => (Normalise(source).GetHashCode() & int.MaxValue) % Stripes;

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private sealed class Record
    {
        public int Failures;
        public DateTimeOffset LastFailure = DateTimeOffset.MinValue;
        public DateTimeOffset BlockedUntil = DateTimeOffset.MinValue;
    }

    private sealed class Turn(SemaphoreSlim stripe, SemaphoreSlim overall) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) != 0)
                return;
            overall.Release();
            stripe.Release();
        }
    }
}
