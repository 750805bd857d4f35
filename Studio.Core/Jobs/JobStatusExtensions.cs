namespace Studio.Core.Jobs;

/// <summary>Rules about job statuses that every room shares.</summary>
public static class JobStatusExtensions
{
    /// <summary>True for Completed, Failed and Cancelled: a job in one of them changes no more.</summary>
    public static bool IsFinished(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
