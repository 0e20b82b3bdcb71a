using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Tests.Auth;

public sealed class FailureLimiterTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ManualTime time = new(DateTimeOffset.Parse("2025-03-01T10:00:00Z"));

    private FailureLimiter Limiter(int limit = 3) => new(limit, Window, time);

    private static void Fail(FailureLimiter limiter, string key)
    {
        Assert.True(limiter.TryBegin(key, out _));
        limiter.End(key, failed: true);
    }

    [Fact]
    public void The_limit_of_failures_refuses_the_key_until_the_oldest_failure_leaves_the_window()
    {
        var limiter = Limiter();
        Fail(limiter, "admin");
        time.Now += TimeSpan.FromSeconds(10);
        Fail(limiter, "admin");
        Fail(limiter, "admin");

        Assert.False(limiter.TryBegin("admin", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(50), retryAfter);

        time.Now += TimeSpan.FromSeconds(50);
        Assert.True(limiter.TryBegin("admin", out _));
    }

    [Fact]
    public void Successes_do_not_count_and_keys_are_counted_apart()
    {
        var limiter = Limiter();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.TryBegin("admin", out _));
            limiter.End("admin", failed: false);
        }
        Fail(limiter, "other");
        Fail(limiter, "other");
        Fail(limiter, "other");

        Assert.True(limiter.TryBegin("admin", out _));
        Assert.False(limiter.TryBegin("other", out _));
    }

    [Fact]
    public void Attempts_in_progress_count_so_a_parallel_flood_gets_no_more_checks_than_the_limit()
    {
        var limiter = Limiter();
        var started = Enumerable.Range(0, 200).Count(attempt => limiter.TryBegin("admin", out _));

        Assert.Equal(3, started);
        Assert.False(limiter.TryBegin("admin", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);

        limiter.End("admin", failed: false);
        Assert.True(limiter.TryBegin("admin", out _));
    }

    [Fact]
    public void Keys_with_nothing_in_the_window_are_dropped()
    {
        var limiter = Limiter();
        for (var i = 0; i < 100; i++)
            Fail(limiter, $"made-up-{i}");
        Assert.Equal(100, limiter.Count);

        time.Now += Window + TimeSpan.FromSeconds(1);
        Fail(limiter, "admin");

        Assert.Equal(1, limiter.Count);
    }
}
