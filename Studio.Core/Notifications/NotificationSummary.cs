using Studio.Core.Jobs;

namespace Studio.Core.Notifications;

/// <summary>A notification as the bell lists it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="JobId">The job, for the link.</param>
/// <param name="JobTitle">The job's title.</param>
/// <param name="Outcome">Completed or failed.</param>
/// <param name="Error">Why it failed; null when it completed.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="IsRead">Whether the user has marked it read.</param>
public sealed record NotificationSummary(Guid Id, Guid JobId, string JobTitle, JobStatus Outcome, string? Error, DateTimeOffset CreatedAt, bool IsRead);
