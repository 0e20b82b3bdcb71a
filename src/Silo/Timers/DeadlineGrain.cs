namespace Ops.Silo.Timers;

/// <summary>A grain with one durable deadline: the due time lives in the grain's state; this keeps a
/// timer for it and keeps the grain activated until it fires (a timer alone does not). After a
/// restart the silo wakes the grain, which arms the deadline again from its state.</summary>
public abstract class DeadlineGrain(TimeProvider time) : Grain
{
    private IGrainTimer? deadline;

    protected TimeProvider Time => time;

    /// <summary>Arms the timer for <paramref name="due"/> (at once if past), or disarms it when null.</summary>
    protected void ArmDeadline(DateTimeOffset? due, Func<CancellationToken, Task> onDue)
    {
        deadline?.Dispose();
        deadline = null;
        if (due is not { } at)
            return;
        var wait = at - time.GetUtcNow();
        var dueIn = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        DelayDeactivation(dueIn + TimeSpan.FromMinutes(1));
        deadline = this.RegisterGrainTimer(onDue, new GrainTimerCreationOptions
        {
            DueTime = dueIn,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }
}
