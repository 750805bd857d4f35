using Studio.Core.Jobs;

namespace Studio.Core.Events;

/// <summary>Ways of listening to job events that several callers share.</summary>
public static class JobEventsExtensions
{
    /// <summary>
    /// Subscribes at once (call it before starting the job, so no change is missed) and completes with the job's
    /// final status when it completes, fails or is cancelled.
    /// </summary>
    /// <exception cref="TimeoutException">The job did not finish within <paramref name="timeout"/>.</exception>
    public static async Task<JobStatus> WaitUntilFinishedAsync(this IJobEvents events, Guid jobId, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(events);
        var finished = new TaskCompletionSource<JobStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = events.SubscribeToJob(jobId, change =>
        {
            if (change.Status.IsFinished())
            {
                finished.TrySetResult(change.Status);
            }

            return ValueTask.CompletedTask;
        });
        return await finished.Task.WaitAsync(timeout).ConfigureAwait(false);
    }
}
