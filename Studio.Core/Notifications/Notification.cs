using Studio.Core.Common;
using Studio.Core.Jobs;

namespace Studio.Core.Notifications;

/// <summary>
/// One of a user's jobs reached an outcome (completed or failed): stored in the same save as the job's own change, so
/// it is never lost and made once per outcome (see <see cref="JobOutcomeNotices"/>). Unread until the user marks it read.
/// </summary>
public sealed class Notification
{
    /// <summary>Longest title kept (the job's title is at most 120 characters).</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest error kept.</summary>
    public const int MaxErrorLength = 2000;

    private Notification()
    {
        UserId = JobTitle = string.Empty;
    }

    internal Notification(Guid id, string userId, Guid jobId, string jobTitle, JobStatus outcome, StoredText? error, decimal costUsd, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        JobId = jobId;
        JobTitle = jobTitle.Length > MaxTitleLength ? jobTitle[..MaxTitleLength] : jobTitle;
        Outcome = outcome;
        var english = error?.English;
        Error = english is { Length: > MaxErrorLength } ? english[..MaxErrorLength] : english;
        ErrorText = error?.ToJson();
        CostUsd = costUsd;
        CreatedAt = createdAt;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The job's owner, who receives it.</summary>
    public string UserId { get; private set; }

    /// <summary>The job.</summary>
    public Guid JobId { get; private set; }

    /// <summary>The job's title at that moment.</summary>
    public string JobTitle { get; private set; }

    /// <summary><see cref="JobStatus.Completed"/> or <see cref="JobStatus.Failed"/>.</summary>
    public JobStatus Outcome { get; private set; }

    /// <summary>Why the job failed; null when it completed.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// <see cref="Error"/> as a <see cref="StoredText"/> in JSON, worded in the reader's language when shown; null when
    /// the job completed, the reason is a provider's own words, or on rows older than it.
    /// </summary>
    public string? ErrorText { get; private set; }

    /// <summary>What the job cost, in USD.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>When the job reached the outcome.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the user marked it read; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Whether its e-mail and webhook deliveries were put into the outbox (done by the notification worker).</summary>
    public bool DeliveriesPlanned { get; private set; }

    /// <summary>Marks it read (once; later calls keep the first time).</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
