using Ops.Silo.Storage;

namespace Ops.Silo.Tests.Storage;

/// <summary>Continuations run inline here (no RunContinuationsAsynchronously on the writes' sources), so each
/// step runs on the test's thread, one at a time, as in a grain.</summary>
public sealed class CoalescedWriteTests
{
    private readonly List<TaskCompletionSource> writes = [];
    private readonly CoalescedWrite write;

    public CoalescedWriteTests() => write = new CoalescedWrite(() =>
    {
        var started = new TaskCompletionSource();
        writes.Add(started);
        return started.Task;
    });

    [Fact]
    public void Changes_made_during_a_write_share_the_next_one()
    {
        var first = write.WriteAsync();
        var second = write.WriteAsync();
        var third = write.WriteAsync();
        Assert.Single(writes);

        writes[0].SetResult();
        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted, "the second change came after the first write began");
        Assert.Equal(2, writes.Count);

        writes[1].SetResult();
        Assert.True(second.IsCompletedSuccessfully);
        Assert.True(third.IsCompletedSuccessfully);
        Assert.Equal(2, writes.Count);
    }

    [Fact]
    public void A_failed_write_fails_its_callers_only_and_the_next_change_writes_again()
    {
        var first = write.WriteAsync();
        var second = write.WriteAsync();
        writes[0].SetException(new InvalidOperationException("disk full"));
        Assert.IsType<InvalidOperationException>(first.Exception!.InnerException);
        Assert.False(second.IsCompleted);

        writes[1].SetResult();
        Assert.True(second.IsCompletedSuccessfully);

        var third = write.WriteAsync();
        Assert.Equal(3, writes.Count);
        writes[2].SetResult();
        Assert.True(third.IsCompletedSuccessfully);
    }
}
