namespace Studio.Core.Jobs;

/// <summary>Where a production job stands.</summary>
public enum JobStatus
{
    /// <summary>Created, not started: prompts may still change.</summary>
    Draft,

    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>A worker is generating its segments.</summary>
    Running,

    /// <summary>All segments are made; the final cut is being assembled.</summary>
    Assembling,

    /// <summary>The final video is ready.</summary>
    Completed,

    /// <summary>Stopped by an error; <see cref="ProductionJob.Error"/> says which.</summary>
    Failed,

    /// <summary>Stopped by its owner.</summary>
    Cancelled,
}
