using Microsoft.Extensions.Localization;

namespace Studio.Core.Jobs;

/// <summary>A job's status as a word inside a sentence, in the caller's language ("queued", « en file d’attente »).</summary>
public sealed class JobStatusWords(IStringLocalizer<JobStatusWords> L)
{
    /// <summary>The word for <paramref name="status"/>.</summary>
    public string Of(JobStatus status) => status switch
    {
        JobStatus.Draft => L["draft"],
        JobStatus.Queued => L["queued"],
        JobStatus.Running => L["running"],
        JobStatus.Assembling => L["assembling"],
        JobStatus.Completed => L["completed"],
        JobStatus.Failed => L["failed"],
        JobStatus.Cancelled => L["cancelled"],
        _ => status.ToString(),
    };
}
