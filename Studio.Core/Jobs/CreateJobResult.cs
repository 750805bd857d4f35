using Studio.Core.Common;

namespace Studio.Core.Jobs;

/// <summary>The outcome of creating a job: the job, or what was wrong with the request.</summary>
public sealed record CreateJobResult(JobDetails? Job, ValidationErrors? Errors)
{
    /// <summary>True when the job was created.</summary>
    public bool Succeeded => Job is not null;
}
