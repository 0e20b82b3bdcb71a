namespace Ops.Silo.Storage;

/// <summary>Writes a grain's state once for all the changes its interleaving calls made while the previous
/// write was under way, where each call writing in turn would rewrite the whole state once per call, one
/// commit after another. A call changes the state in memory, then awaits <see cref="WriteAsync"/>, which
/// completes when a write begun after that change has committed (or fails with it). Used from the grain's
/// own turns only, like the state itself.</summary>
public sealed class CoalescedWrite(Func<Task> write)
{
    private TaskCompletionSource? next;
    private bool writing;

    public Task WriteAsync()
    {
        next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = next.Task;
        if (!writing)
            WriteLoopAsync().Ignore();
        return written;
    }

    private async Task WriteLoopAsync()
    {
        writing = true;
        try
        {
            while (next is { } waiting)
            {
                next = null;
                try
                {
                    await write();
                    waiting.SetResult();
                }
                catch (Exception exception)
                {
                    waiting.SetException(exception);
                }
            }
        }
        finally
        {
            writing = false;
        }
    }
}
