namespace Studio.Core.Events;

/// <summary>
/// The stream of job changes. Publishers call it after their change is committed; subscribers (circuits)
/// receive every change and coalesce as they see fit. Handlers must return quickly: they run on the publisher's path.
/// </summary>
public interface IJobEvents
{
    /// <summary>Tells every subscriber of the job and of its owner.</summary>
    ValueTask PublishAsync(JobChanged change, CancellationToken ct);

    /// <summary>Receives the changes of one job until the returned handle is disposed.</summary>
    IDisposable SubscribeToJob(Guid jobId, Func<JobChanged, ValueTask> handler);

    /// <summary>Receives the changes of every job of one owner until the returned handle is disposed.</summary>
    IDisposable SubscribeToOwner(string ownerId, Func<JobChanged, ValueTask> handler);
}
