using Studio.Core.Jobs;

namespace Studio.Core.Admin;

/// <summary>A job of any user, as a row of the admin's jobs grid.</summary>
/// <param name="Id">The job.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="OwnerEmail">The owner's e-mail; null when the account is gone.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Progress">0 to 1.</param>
/// <param name="Provider">The provider it was asked of.</param>
/// <param name="EstimatedCostUsd">The estimate it was started with.</param>
/// <param name="SpentUsd">What it has spent so far.</param>
/// <param name="SegmentCount">How many segments it has.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record AdminJobRow(
    Guid Id,
    string OwnerId,
    string? OwnerEmail,
    string Title,
    JobStatus Status,
    double Progress,
    string Provider,
    decimal EstimatedCostUsd,
    decimal SpentUsd,
    int SegmentCount,
    DateTimeOffset CreatedAt);
